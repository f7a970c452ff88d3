package org.clinicops.billing.superbill.application;

/** A superbill as a file: its name ({@code superbill-<patient>-<from>-<to>.pdf}) and content. */
public record SuperbillPdf(String fileName, byte[] content) {}
