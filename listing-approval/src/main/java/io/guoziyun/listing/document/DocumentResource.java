package io.guoziyun.listing.document;

import io.guoziyun.commons.Digests;
import io.guoziyun.commons.audit.AuditTrail;
import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.commons.problem.Problem;
import io.guoziyun.commons.problem.ProblemException;
import io.guoziyun.listing.application.ListingApplication;
import io.guoziyun.listing.application.Stage;
import io.guoziyun.listing.application.Workflow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/listing-applications/{id}/documents")
@Tag(
        name = "Documents",
        description = "The materials of an application (Art. 8): declaration, analysis, listing documents")
@SecurityRequirement(name = "oidc")
public class DocumentResource {

    private final Caller caller;
    private final DocumentRules rules;
    private final AuditTrail audit;
    private final Idempotency idempotency;

    public DocumentResource(Caller caller, DocumentRules rules, AuditTrail audit, Idempotency idempotency) {
        this.caller = caller;
        this.rules = rules;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    @Schema(name = "ApplicationDocument")
    public record DocumentView(
            UUID id,
            DocumentKind kind,
            String filename,
            String mediaType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt,

            @Schema(description = "The accession number it was filed under; null while not yet filed")
            String filedUnder) {

        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(
                    d.id,
                    d.kind,
                    d.filename,
                    d.mediaType,
                    d.sizeBytes,
                    d.sha256,
                    d.uploadedBy,
                    d.uploadedAt,
                    d.filedUnder);
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            summary = "Upload a document",
            description = "Role: firm. The body is the file itself, its Content-Type one of the accepted media types "
                    + "(PDF, PNG, JPEG, plain text, ZIP) and matching the content; larger than the configured maximum "
                    + "is 413. While a DRAFT, or while a supplement is requested. Send an Idempotency-Key to retry "
                    + "safely.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            format = "binary")))
    @APIResponse(
            responseCode = "201",
            description = "Stored, with its size and SHA-256",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DocumentView.class)))
    public Response upload(
            @PathParam("id") UUID id,
            @QueryParam("kind") @NotNull DocumentKind kind,
            @QueryParam("filename")
                    @Pattern(
                            regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N} ._()-]{0,199}",
                            message = "1–200 letters, digits, spaces or . _ ( ) -")
                    @Parameter(example = "declaration.pdf")
                    String filename,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            InputStream body,
            UriInfo uri) {
        caller.requireFirmId();
        // The body is read and checked before any transaction: a slow sender holds no database connection.
        String mediaType = mediaType(contentType);
        byte[] content = read(body);
        if (content.length == 0) {
            throw ProblemException.invalid("body", "the document is empty");
        }
        requireContentMatches(mediaType, content);
        String sha256 = Digests.sha256Hex(content);
        String name = filename != null ? filename : kind.name().toLowerCase(Locale.ROOT) + extension(mediaType);
        Map<String, String> request = Map.of("kind", kind.name(), "filename", name, "sha256", sha256);
        return QuarkusTransaction.requiringNew()
                .call(() -> idempotency.once(
                        idempotencyKey, "POST /api/v1/listing-applications/" + id + "/documents", request, () -> {
                            ListingApplication app = Workflow.find(id);
                            if (app.stage != Stage.DRAFT && app.stage != Stage.SUPPLEMENT_REQUESTED) {
                                throw new ProblemException(
                                        409,
                                        "Conflict",
                                        "The application is " + app.stage + "; documents are added while a DRAFT or"
                                                + " while a supplement is requested");
                            }
                            // A document changes what a submission or supplement files: they race on the version.
                            ListingApplication.getEntityManager().lock(app, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                            ApplicationDocument doc = new ApplicationDocument();
                            doc.id = UUID.randomUUID();
                            doc.firmId = app.firmId;
                            doc.applicationId = app.id;
                            doc.kind = kind;
                            doc.filename = name;
                            doc.mediaType = mediaType;
                            doc.sizeBytes = content.length;
                            doc.sha256 = sha256;
                            doc.uploadedBy = caller.name();
                            doc.uploadedAt = Instant.now();
                            doc.persist();
                            DocumentContent stored = new DocumentContent();
                            stored.documentId = doc.id;
                            stored.firmId = app.firmId;
                            stored.content = content;
                            stored.persist();
                            DocumentView view = DocumentView.of(doc);
                            audit.record(
                                    "listing-application.document-uploaded",
                                    "listing-application",
                                    app.id,
                                    app.firmId,
                                    null,
                                    view);
                            return Response.created(uri.getAbsolutePathBuilder()
                                            .path(doc.id.toString())
                                            .build())
                                    .type(MediaType.APPLICATION_JSON)
                                    .entity(view)
                                    .build();
                        }));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "List an application's documents", description = "Roles: firm (own), regulator, auditor.")
    public List<DocumentView> list(@PathParam("id") UUID id) {
        Workflow.find(id);
        return ApplicationDocument.ofApplication(id).stream()
                .map(DocumentView::of)
                .toList();
    }

    @GET
    @Path("/{documentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(summary = "A document's metadata", description = "Roles: firm (own), regulator, auditor.")
    public DocumentView read(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return DocumentView.of(find(id, documentId));
    }

    @GET
    @Path("/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Transactional
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            summary = "Download a document",
            description = "Roles: firm (own), regulator, auditor. The bytes as uploaded; the ETag is their SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = "application/octet-stream"))
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        ApplicationDocument doc = find(id, documentId);
        DocumentContent content = DocumentContent.findById(doc.id);
        return Response.ok(content.content, doc.mediaType)
                .tag(new EntityTag(doc.sha256))
                .header(
                        "Content-Disposition",
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(doc.filename, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static ApplicationDocument find(UUID id, UUID documentId) {
        Workflow.find(id);
        ApplicationDocument doc = ApplicationDocument.findById(documentId);
        if (doc == null || !doc.applicationId.equals(id)) {
            throw ProblemException.notFound("Document " + documentId);
        }
        return doc;
    }

    private String mediaType(String contentType) {
        String type =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!rules.mediaTypes().contains(type)) {
            throw new ProblemException(
                    415,
                    "Unsupported Media Type",
                    "A document's Content-Type must be one of "
                            + rules.mediaTypes().stream().sorted().toList(),
                    List.of(new Problem.FieldError(
                            "Content-Type", "got '" + (contentType == null ? "" : contentType) + "'")));
        }
        return type;
    }

    private byte[] read(InputStream body) {
        long max = rules.maxSize().asLongValue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            for (int n; (n = body.read(buffer)) != -1; ) {
                if (out.size() + (long) n > max) {
                    throw new ProblemException(413, "Content Too Large", "A document may be at most " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "The upload was interrupted before its end");
        }
        return out.toByteArray();
    }

    /** The bytes must be what the Content-Type says: a regulator opening a "PDF" must get a PDF. */
    private static void requireContentMatches(String mediaType, byte[] content) {
        boolean matches = switch (mediaType) {
            case "application/pdf" -> startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "image/png" -> startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "image/jpeg" -> startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "application/zip" -> startsWith(content, new byte[] {'P', 'K', 3, 4});
            case "text/plain" -> isUtf8Text(content);
            default -> true;
        };
        if (!matches) {
            throw new ProblemException(
                    415,
                    "Unsupported Media Type",
                    "The document's content is not " + mediaType,
                    List.of(new Problem.FieldError("body", "does not match its Content-Type " + mediaType)));
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/zip" -> ".zip";
            case "text/plain" -> ".txt";
            default -> "";
        };
    }
}
