/**
 * Field-level encryption of patient identity at rest (Google Tink AEAD) and the keyed match key
 * that finds a returning patient (Tink PRF), with keysets from configuration.
 */
@NullMarked
package org.clinicops.intake.encryption;

import org.jspecify.annotations.NullMarked;
