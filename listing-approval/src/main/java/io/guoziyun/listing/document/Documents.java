package io.guoziyun.listing.document;

import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.listing.application.Action;
import io.guoziyun.listing.application.ListingApplication;
import io.guoziyun.listing.application.Timeline;
import io.guoziyun.problem.NotFound;
import io.guoziyun.problem.StateConflict;
import io.guoziyun.problem.TooLarge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** An application's documents: stored with their size, media type and SHA-256; listed and read back. */
@ApplicationScoped
@Transactional
public class Documents {

    private final Caller caller;
    private final DocumentRules rules;
    private final AuditTrail audit;

    public Documents(Caller caller, AuditTrail audit, DocumentRules rules) {
        this.rules = rules;
        this.caller = caller;
        this.audit = audit;
    }

    /** An upload already read and checked; only the database work is left. */
    /** A checked upload, its bytes in a spool file until stored. */
    public record Upload(DocumentKind kind, String filename, String mediaType, Path file, long size, String sha256) {}

    /** A document and its bytes, for a download. */
    public record Download(DocumentView document, byte[] content) {}

    /**
     * Before an upload's body is read: the application exists and is the caller's (404), takes documents now (409),
     * and has room for one more of {@code declaredBytes} (when the request says; 409 and 413 beyond its quota).
     */
    public void requireUploadable(UUID applicationId, Long declaredBytes) {
        ListingApplication app = ListingApplication.get(applicationId);
        Action.DOCUMENT_UPLOAD.requireOn(app);
        requireRoom(app.id, declaredBytes == null ? 0 : declaredBytes);
    }

    private void requireRoom(UUID applicationId, long bytes) {
        Object[] held = (Object[]) ListingApplication.getEntityManager()
                .createQuery(
                        "select count(d), coalesce(sum(d.sizeBytes), 0) from ApplicationDocument d"
                                + " where d.applicationId = :id",
                        Object[].class)
                .setParameter("id", applicationId)
                .getSingleResult();
        long count = ((Number) held[0]).longValue();
        long total = ((Number) held[1]).longValue();
        if (count >= rules.maxPerApplication()) {
            throw new StateConflict("The application holds " + count + " documents, the most it may ("
                    + rules.maxPerApplication() + ")");
        }
        long max = rules.maxBytesPerApplication().asLongValue();
        if (total + bytes > max) {
            throw new TooLarge("The application's documents would take " + (total + bytes) + " bytes; they may take "
                    + max + " together");
        }
    }

    public DocumentView store(UUID applicationId, Upload upload) {
        ListingApplication app = ListingApplication.get(applicationId);
        Action.DOCUMENT_UPLOAD.requireOn(app);
        requireRoom(app.id, upload.size());
        // A document changes what a submission or supplement files: they race on the version.
        ListingApplication.getEntityManager().lock(app, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        ApplicationDocument doc = ApplicationDocument.uploaded(
                app,
                upload.kind(),
                upload.filename(),
                upload.mediaType(),
                upload.size(),
                upload.sha256(),
                caller.name());
        doc.persist();
        DocumentContent.stream(doc, upload.file(), upload.size());
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
