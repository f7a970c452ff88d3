package org.clinicops.platform.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document answered as a download (an attachment with its file name), for an API and a page alike. */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<byte[]> attachment(MediaType type, String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(content);
    }
}
