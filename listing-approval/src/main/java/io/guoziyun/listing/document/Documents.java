package io.guoziyun.listing.document;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.listing.application.Action;
import io.guoziyun.listing.application.ListingApplication;
import io.guoziyun.listing.application.Timeline;
import io.guoziyun.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** An application's documents: stored with their size, media type and SHA-256; listed and read back. */
@ApplicationScoped
@Transactional
public class Documents {

    private final Caller caller;
    private final AuditTrail audit;

    public Documents(Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /** An upload already read and checked; only the database work is left. */
    public record Upload(DocumentKind kind, String filename, String mediaType, byte[] content, String sha256) {}

    /** A document and its bytes, for a download. */
    public record Download(DocumentView document, byte[] content) {}

    public DocumentView store(UUID applicationId, Upload upload) {
        ListingApplication app = ListingApplication.get(applicationId);
        Action.DOCUMENT_UPLOAD.requireOn(app);
        // A document changes what a submission or supplement files: they race on the version.
        ListingApplication.getEntityManager().lock(app, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        ApplicationDocument doc = ApplicationDocument.uploaded(
                app,
                upload.kind(),
                upload.filename(),
                upload.mediaType(),
                upload.content().length,
                upload.sha256(),
                caller.name());
        doc.persist();
        DocumentContent.of(doc, upload.content()).persist();
        DocumentView view = DocumentView.of(doc);
        audit.record("listing-application.document-uploaded", Timeline.SUBJECT, app.id, app.firmId, null, view);
        return view;
    }

    public List<DocumentView> list(UUID applicationId) {
        ListingApplication.get(applicationId);
        return ApplicationDocument.ofApplication(applicationId).stream()
                .map(DocumentView::of)
                .toList();
    }

    public DocumentView read(UUID applicationId, UUID documentId) {
        return DocumentView.of(find(applicationId, documentId));
    }

    public Download download(UUID applicationId, UUID documentId) {
        ApplicationDocument doc = find(applicationId, documentId);
        DocumentContent content = DocumentContent.findById(doc.id);
        return new Download(DocumentView.of(doc), content.content);
    }

    private static ApplicationDocument find(UUID applicationId, UUID documentId) {
        ListingApplication.get(applicationId);
        ApplicationDocument doc = ApplicationDocument.findById(documentId);
        if (doc == null || !doc.applicationId.equals(applicationId)) {
            throw new NotFound("Document " + documentId);
        }
        return doc;
    }
}
