package io.guoziyun.listing.document;

import io.guoziyun.commons.firm.Caller;
import io.guoziyun.commons.firm.Roles;
import io.guoziyun.commons.idempotency.Idempotency;
import io.guoziyun.problem.InvalidInput;
import io.guoziyun.problem.TooLarge;
import jakarta.annotation.security.RolesAllowed;
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
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
    private final Idempotency idempotency;
    private final Documents documents;

    public DocumentResource(Caller caller, DocumentRules rules, Idempotency idempotency, Documents documents) {
        this.caller = caller;
        this.rules = rules;
        this.idempotency = idempotency;
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FIRM)
    @Operation(
            operationId = "uploadDocument",
            summary = "Upload a document",
            description = "Role: firm. The body is the file itself, its Content-Type one of the accepted media types "
                    + "(PDF, PNG, JPEG, plain text, ZIP) and matching the content; larger than the configured maximum "
                    + "is 413. While a DRAFT, or while a supplement is requested. At most "
                    + "{policy:guoziyun.documents.max-per-application} documents per application (409 beyond) and "
                    + "{policy:guoziyun.documents.max-bytes-per-application} together (413 beyond). Send an "
                    + "Idempotency-Key to retry safely; a full document store is 503 with Retry-After.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = "application/pdf",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
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
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) @Parameter(hidden = true) String contentLength,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            InputStream body,
            UriInfo uri) {
        caller.requireFirmId();
        // Checked before the body is read: the media type, the application (the caller's, taking documents, with
        // room for this one); then the body is streamed to the spool and checked there, outside any transaction,
        // so a slow sender holds no database connection and no memory.
        String mediaType = ContentSniffer.mediaType(contentType, rules.mediaTypes());
        Long declared = declaredLength(contentLength);
        if (!idempotency.answered(idempotencyKey)) { // a retry of an acknowledged upload gets its first answer
            documents.requireUploadable(id, declared);
        }
        if (declared != null && declared > rules.maxSize().asLongValue()) {
            throw new TooLarge("A document may be at most " + rules.maxSize().asLongValue() + " bytes");
        }
        try (SpooledUpload spooled = SpooledUpload.spool(
                body, rules.spoolDirectory(), rules.maxSize().asLongValue())) {
            if (spooled.size() == 0) {
                throw InvalidInput.field("body", "the document is empty");
            }
            ContentSniffer.requireMatches(mediaType, spooled.head(), spooled.utf8Text());
            String name = filename != null
                    ? filename
                    : kind.name().toLowerCase(Locale.ROOT) + ContentSniffer.extension(mediaType);
            Map<String, String> request = Map.of("kind", kind.name(), "filename", name, "sha256", spooled.sha256());
            Documents.Upload upload =
                    new Documents.Upload(kind, name, mediaType, spooled.file(), spooled.size(), spooled.sha256());
            return stored(id, idempotencyKey, request, upload, uri);
        }
    }

    private Response stored(
            UUID id, String idempotencyKey, Map<String, String> request, Documents.Upload upload, UriInfo uri) {
        return idempotency.once(
                idempotencyKey, "POST /api/v1/listing-applications/" + id + "/documents", request, () -> {
                    DocumentView view = documents.store(id, upload);
                    return Response.created(uri.getAbsolutePathBuilder()
                                    .path(view.id().toString())
                                    .build())
                            .type(MediaType.APPLICATION_JSON)
                            .entity(view)
                            .build();
                });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "listDocuments",
            summary = "List an application's documents",
            description = "Roles: firm (own), regulator, auditor.")
    public List<DocumentView> list(@PathParam("id") UUID id) {
        return documents.list(id);
    }

    @GET
    @Path("/{documentId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "getDocument",
            summary = "A document's metadata",
            description = "Roles: firm (own), regulator, auditor.")
    public DocumentView read(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        return documents.read(id, documentId);
    }

    @GET
    @Path("/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.FIRM, Roles.REGULATOR, Roles.AUDITOR})
    @Operation(
            operationId = "downloadDocument",
            summary = "Download a document",
            description = "Roles: firm (own), regulator, auditor. The bytes as uploaded; the ETag is their SHA-256.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = "application/octet-stream"))
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        Documents.Download download = documents.download(id, documentId);
        DocumentView doc = download.document();
        return Response.ok(download.content(), doc.mediaType())
                .tag(new EntityTag(doc.sha256()))
                .header(
                        "Content-Disposition",
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(doc.filename(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The request's Content-Length, or null when it has none (chunked); a malformed one is 400. */
    private static Long declaredLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.field("Content-Length", "a number of bytes");
        }
    }
}
