package org.clinicops.platform.fhir;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search answers: a {@code searchset} {@code Bundle} of one page with its {@code total} and the
 * links {@code self}, {@code first}, {@code previous} and {@code next} (each the same search with
 * another {@code _page}), and each entry's {@code fullUrl}.
 */
public final class FhirBundles {

    private FhirBundles() {}

    /**
     * One page of a search.
     *
     * @param type the resource type searched ({@code Patient})
     * @param given the search's own parameters as given (without {@code _count} and {@code
     *     _page}); they are repeated in the links in this order
     * @param page the page answered
     * @param total how many resources match in all
     * @param resources the page's resources
     */
    public static Bundle searchSet(
            String type, FhirSearchParameters given, FhirPage page, long total, List<? extends Resource> resources) {
        String base = base();
        Map<String, List<String>> parameters = given.asMap();
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
        bundle.addLink().setRelation("self").setUrl(link(base, type, parameters, page.count(), page.page()));
        bundle.addLink().setRelation("first").setUrl(link(base, type, parameters, page.count(), 1));
        if (page.page() > 1) {
            bundle.addLink()
                    .setRelation("previous")
                    .setUrl(link(base, type, parameters, page.count(), page.page() - 1));
        }
        if ((long) page.page() * page.count() < total && page.page() < FhirPage.MAX_PAGE) {
            bundle.addLink().setRelation("next").setUrl(link(base, type, parameters, page.count(), page.page() + 1));
        }
        for (Resource resource : resources) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdPart())
                    .setResource(resource)
                    .getSearch()
                    .setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The absolute base of the FHIR API of the service answering the current request. */
    public static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(FhirOutcomes.BASE)
                .build()
                .toUriString();
    }

    private static String link(String base, String type, Map<String, List<String>> parameters, int count, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path("/" + type);
        parameters.forEach((name, values) -> values.forEach(value -> uri.queryParam(name, value)));
        return uri.queryParam("_count", count)
                .queryParam("_page", page)
                .encode()
                .build()
                .toUriString();
    }
}
