package io.guoziyun.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The result of re-computing the whole audit chain: valid, or the first link that does not hold and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ChainVerification")
public record ChainVerification(boolean valid, long entriesChecked, Long firstBrokenSeq, String reason) {}
