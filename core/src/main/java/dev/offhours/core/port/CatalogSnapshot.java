package dev.offhours.core.port;

import dev.offhours.core.source.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The schedules repository files of the revision the hub applied, so that a reader without Git (the status API on
 * Lambda) rebuilds the very catalog the hub runs with the same {@code RepositoryReader}. Only YAML files are kept
 * (the reader ignores the rest), sorted by path and gzipped: the same files always give the same bytes and digest.
 *
 * @param revision  the applied revision's label ({@code main@sha1:...}), as the reconciler status names it
 * @param appliedAt when the hub applied it: a snapshot never replaces one applied later
 * @param content   the files, gzipped (a count, then each path and content as length-prefixed UTF-8)
 * @param digest    SHA-256 (hex) of {@code content}: readers check the chunks they read against it
 */
public record CatalogSnapshot(String revision, Instant appliedAt, byte[] content, String digest) {

    private static final int FORMAT = 1;

    public CatalogSnapshot {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(digest, "digest");
    }

    /** What a store's pointer item says about the current snapshot; the content is read separately. */
    public record Pointer(String revision, Instant appliedAt, String digest, int size) {
    }

    public static CatalogSnapshot of(String revision, Instant appliedAt, Collection<SourceFile> files) {
        List<SourceFile> kept = files.stream().filter(f -> f.refusal() == null && isYaml(f.path()))
                .sorted(Comparator.comparing(SourceFile::path)).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(kept.size());
            for (SourceFile file : kept) {
                writeText(out, file.path());
                writeText(out, file.content());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress the catalog snapshot of " + revision, e);
        }
        byte[] content = bytes.toByteArray();
        return new CatalogSnapshot(revision, appliedAt, content, sha256Hex(content));
    }

    public Pointer pointer() {
        return new Pointer(revision, appliedAt, digest, content.length);
    }

    /** The files as the hub read them. */
    public List<SourceFile> files() {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalStateException("the catalog snapshot of " + revision + " has format " + format
                        + ", this version of offhours reads format " + FORMAT);
            }
            int count = in.readInt();
            List<SourceFile> files = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                files.add(new SourceFile(readText(in), readText(in)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("the catalog snapshot of " + revision + " cannot be read", e);
        }
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
