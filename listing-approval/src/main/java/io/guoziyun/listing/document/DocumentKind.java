package io.guoziyun.listing.document;

/** The materials of Art. 8 of the Measures for Cybersecurity Review; a submission needs one of each. */
public enum DocumentKind {
    DECLARATION,
    NATIONAL_SECURITY_ANALYSIS,
    LISTING_DOCUMENTS
}
