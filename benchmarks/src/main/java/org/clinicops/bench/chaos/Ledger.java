package org.clinicops.bench.chaos;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load driver was told the platform accepted, one line per fact, flushed at once so that
 * a driver killed in the middle leaves a readable file: {@code request <requestId> <patientId>
 * <siteId>} for each consultation request answered 201, {@code payment <invoiceId> <amount>} for
 * each payment answered 2xx. Holds ids only, never a name.
 */
final class Ledger implements AutoCloseable {

    record Request(String requestId, String patientId, String siteId) {}

    record Payment(String invoiceId, String amount) {}

    record Entries(List<Request> requests, List<Payment> payments) {}

    private final BufferedWriter out;

    Ledger(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = Files.newBufferedWriter(
                    file,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void request(String requestId, String patientId, String siteId) {
        line("request " + requestId + " " + patientId + " " + siteId);
    }

    synchronized void payment(String invoiceId, String amount) {
        line("payment " + invoiceId + " " + amount);
    }

    private void line(String line) {
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a ledger; a torn last line (the writer was killed mid-line) is skipped. */
    static Entries read(Path file) {
        List<Request> requests = new ArrayList<>();
        List<Payment> payments = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split(" ");
                if (f[0].equals("request") && f.length == 4) {
                    requests.add(new Request(f[1], f[2], f[3]));
                } else if (f[0].equals("payment") && f.length == 3) {
                    payments.add(new Payment(f[1], f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Entries(requests, payments);
    }
}
