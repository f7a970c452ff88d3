package org.clinicops.billing.charging.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.clinicops.events.InvoiceIssued;

/**
 * The invoice id of a charge, derived from what was charged (source and appointment), so a
 * redelivered or replayed event, even under a new event id, maps to the same invoice and the unique
 * id refuses the second one.
 */
public final class ChargeIds {

    private ChargeIds() {}

    public static String invoiceIdFor(InvoiceIssued.Source source, String sourceId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((source.name() + "/" + sourceId).getBytes(StandardCharsets.UTF_8));
            return "inv_" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
