package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Events carry a pseudonymous patient id, codes and values: never a patient's name, contact
 * details, date of birth or free text (DOMAIN.md, "Privacy").
 */
class EventPrivacyTest {

    /** Fragments of property names that suggest patient identity or free text. */
    private static final Set<String> DENIED_FRAGMENTS = Set.of(
            "firstname",
            "lastname",
            "fullname",
            "givenname",
            "familyname",
            "middlename",
            "patientname",
            "email",
            "phone",
            "mobile",
            "birth",
            "dob",
            "address",
            "street",
            "postcode",
            "zipcode",
            "ssn",
            "insurancenumber",
            "memberid",
            "note",
            "comment",
            "freetext",
            "narrative",
            "remark");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noPropertyNameSuggestsPatientIdentityOrFreeText(EventType type) {
        List<String> denied = new ArrayList<>();
        eachProperty(ContractFiles.schema(type), type.eventName(), (path, property) -> {
            String name = normalized(path.substring(path.lastIndexOf('.') + 1));
            if (DENIED_FRAGMENTS.stream().anyMatch(name::contains)) {
                denied.add(path);
            }
            // the only name allowed is the site's display name
            if (name.equals("name") && !path.equals("site-updated.name")) {
                denied.add(path);
            }
        });

        assertThat(denied).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void reasonsAreCodesNotText(EventType type) {
        List<String> freeText = new ArrayList<>();
        eachProperty(ContractFiles.schema(type), type.eventName(), (path, property) -> {
            String name = normalized(path.substring(path.lastIndexOf('.') + 1));
            JsonNode value = property.has("items") ? property.get("items") : property;
            if (name.contains("reason") && !value.has("enum") && !value.has("pattern")) {
                freeText.add(path);
            }
        });

        assertThat(freeText).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyStringIsAnIdCodeEnumDecimalOrTimestamp(EventType type) {
        List<String> unconstrained = new ArrayList<>();
        eachProperty(ContractFiles.schema(type), type.eventName(), (path, property) -> {
            boolean string = property.path("type").asString("").equals("string")
                    || property.path("type")
                            .valueStream()
                            .anyMatch(t -> t.asString().equals("string"));
            boolean constrained =
                    property.has("enum") || property.has("pattern") || property.has("format") || property.has("const");
            if (string && !constrained && !path.equals("site-updated.name")) {
                unconstrained.add(path);
            }
        });

        assertThat(unconstrained).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleCarriesNoContactDetailsOrBareDates(EventType type) {
        List<String> suspicious = new ArrayList<>();
        collectStrings(ContractFiles.sample(type), suspicious);

        assertThat(suspicious)
                .noneMatch(value -> value.contains("@"))
                .noneMatch(value -> value.matches("\\+?[0-9 ()-]{10,}"))
                .noneMatch(value -> value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}"));
    }

    private static String normalized(String name) {
        return name.replace("[]", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static void eachProperty(JsonNode schema, String path, BiConsumer<String, JsonNode> action) {
        schema.path("properties").forEachEntry((name, property) -> {
            String at = path + "." + name;
            action.accept(at, property);
            eachProperty(property, at, action);
            eachProperty(property.path("items"), at + "[]", action);
        });
    }

    private static void collectStrings(JsonNode node, List<String> strings) {
        if (node.isString()) {
            strings.add(node.asString());
        }
        node.values().forEach(child -> collectStrings(child, strings));
    }
}
