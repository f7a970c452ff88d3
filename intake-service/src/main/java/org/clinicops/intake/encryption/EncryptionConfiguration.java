package org.clinicops.intake.encryption;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads (or on first start creates) the keysets named by {@link EncryptionProperties}. */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

    @Bean
    FieldCipher fieldCipher(EncryptionProperties properties) {
        return new FieldCipher(Keysets.loadOrCreate(
                properties.keysetFile(), PredefinedAeadParameters.AES256_GCM, properties.createIfMissing()));
    }

    @Bean
    MatchKeys matchKeys(EncryptionProperties properties) {
        return new MatchKeys(Keysets.loadOrCreate(
                properties.matchKeysetFile(), PredefinedPrfParameters.HMAC_SHA256_PRF, properties.createIfMissing()));
    }
}
