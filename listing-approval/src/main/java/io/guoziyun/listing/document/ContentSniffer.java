package io.guoziyun.listing.document;

import io.guoziyun.problem.Problem;
import io.guoziyun.problem.UnsupportedMedia;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an upload says it is against what its bytes are: a regulator opening a "PDF" must get a PDF. The media
 * type comes from the accepted list; the bytes must start as that type's files do (text must be UTF-8, no NUL).
 */
final class ContentSniffer {

    private ContentSniffer() {}

    /** The upload's media type without parameters, if it is one of {@code accepted}; 415 otherwise. */
    static String mediaType(String contentType, Set<String> accepted) {
        String type =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type)) {
            throw new UnsupportedMedia(
                    "A document's Content-Type must be one of "
                            + accepted.stream().sorted().toList(),
                    List.of(new Problem.FieldError(
                            "Content-Type", "got '" + (contentType == null ? "" : contentType) + "'")));
        }
        return type;
    }

    /** 415 unless {@code content} is what {@code mediaType} says. */
    static void requireMatches(String mediaType, byte[] content) {
        requireMatches(mediaType, content, isUtf8Text(content));
    }

    /** 415 unless a body beginning with {@code head} (UTF-8 text without NUL: {@code utf8Text}) is that type. */
    static void requireMatches(String mediaType, byte[] head, boolean utf8Text) {
        boolean matches = switch (mediaType) {
            case "application/pdf" -> startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "image/png" -> startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "image/jpeg" -> startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "application/zip" -> startsWith(head, new byte[] {'P', 'K', 3, 4});
            case "text/plain" -> utf8Text;
            default -> true;
        };
        if (!matches) {
            throw new UnsupportedMedia(
                    "The document's content is not " + mediaType,
                    List.of(new Problem.FieldError("body", "does not match its Content-Type " + mediaType)));
        }
    }

    /** The file name extension of a media type, for a document uploaded without a name. */
    static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/zip" -> ".zip";
            case "text/plain" -> ".txt";
            default -> "";
        };
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
}
