package io.guoziyun.listing.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Set;

/** What a document may be: its largest size, the media types accepted, and how much one application may hold. */
@ConfigMapping(prefix = "guoziyun.documents")
public interface DocumentRules {

    @WithConverter(MemorySizeConverter.class)
    MemorySize maxSize();

    Set<String> mediaTypes();

    /** The most documents one application may hold (409 beyond). */
    @WithDefault("50")
    int maxPerApplication();

    /** The most bytes one application's documents may take together (413 beyond). */
    @WithDefault("200M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxBytesPerApplication();

    /**
     * Where an upload's body is written while it is checked, before it is stored: at most {@code max-size} per
     * upload in progress. A full disk here is 503, never a half-stored document.
     */
    @WithDefault("${java.io.tmpdir}/guoziyun-documents")
    Path spoolDirectory();
}
