package io.guoziyun.listing.document;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.util.Set;

/** What a document may be: its largest size and the media types accepted. */
@ConfigMapping(prefix = "guoziyun.documents")
public interface DocumentRules {

    @WithConverter(MemorySizeConverter.class)
    MemorySize maxSize();

    Set<String> mediaTypes();
}
