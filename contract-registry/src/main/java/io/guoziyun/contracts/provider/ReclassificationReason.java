package io.guoziyun.contracts.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a second regulator confirms or rejects a proposed reclassification. */
@Schema(name = "ReclassificationReason")
public record ReclassificationReason(
        @NotBlank
        @Size(max = 1000)
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "no control characters")
        @Schema(example = "Checked against the operator's licence")
        String reason) {}
