package org.clinicops.intake.screening.domain;

/**
 * Contraindications to ketamine (DOMAIN.md; the ASKP/APA consensus statement, Sanacora et al.,
 * JAMA Psychiatry 2017). Whether each one excludes treatment or needs physician review is
 * configuration: see {@link ContraindicationPolicy}.
 */
public enum Contraindication {
    ANEURYSMAL_VASCULAR_DISEASE,
    ARTERIOVENOUS_MALFORMATION,
    INTRACEREBRAL_HEMORRHAGE_HISTORY,
    POORLY_CONTROLLED_HYPERTENSION,
    CARDIOVASCULAR_DISEASE,
    ACTIVE_PSYCHOSIS,
    SCHIZOPHRENIA,
    SEVERE_LIVER_IMPAIRMENT,
    RAISED_INTRACRANIAL_PRESSURE,
    RAISED_INTRAOCULAR_PRESSURE,
    ACTIVE_SUBSTANCE_MISUSE,
    PREGNANCY
}
