package dev.offhours.reconciler.git;

import dev.offhours.core.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * One commit of a schedules repository, read without a checkout.
 *
 * @param ref       what was asked for ({@code main}, {@code origin/main}, a tag or a hash)
 * @param commitId  the full SHA-1 of the commit
 * @param refName   the short branch or tag name when {@code ref} named one ({@code main} for {@code origin/main})
 * @param files     the relevant files of the commit's tree, sorted by path
 */
public record GitRevision(String ref, String commitId, Optional<String> refName, List<SourceFile> files) {

    public GitRevision {
        files = List.copyOf(files);
    }

    /** The revision as the reconciler reports it: {@code main@sha1:<hash>}, or {@code sha1:<hash>} without a name. */
    public String label() {
        return refName.map(name -> name + "@").orElse("") + "sha1:" + commitId;
    }

    public String shortId() {
        return commitId.substring(0, 12);
    }
}
