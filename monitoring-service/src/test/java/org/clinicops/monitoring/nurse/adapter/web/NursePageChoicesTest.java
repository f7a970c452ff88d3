package org.clinicops.monitoring.nurse.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.junit.jupiter.api.Test;

class NursePageChoicesTest {

    @Test
    void showsEachCodeInPlainWordsWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            // Turkish lower-cases "I" to a dotless "ı": the labels must not follow the default locale
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(NursePageController.Choice.of(ActionTaken.values()))
                    .contains(
                            new NursePageController.Choice("INFUSION_STOPPED", "infusion stopped"),
                            new NursePageController.Choice("TRANSFERRED_TO_EMERGENCY", "transferred to emergency"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
