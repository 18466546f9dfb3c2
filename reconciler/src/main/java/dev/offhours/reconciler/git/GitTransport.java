package dev.offhours.reconciler.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How the Git source authenticates: a token over HTTPS, a private key over SSH (Apache MINA sshd, with its own
 * ssh config so the service never depends on the host user's {@code ~/.ssh}), or nothing for local paths.
 */
final class GitTransport implements AutoCloseable {

    private final GitSourceConfig config;
    private SshdSessionFactory sshFactory;

    GitTransport(GitSourceConfig config) {
        this.config = config;
    }

    Optional<CredentialsProvider> credentials() {
        return config.token().map(token -> new UsernamePasswordCredentialsProvider(config.username(), token));
    }

    TransportConfigCallback callback() {
        return transport -> {
            if (transport instanceof SshTransport ssh) {
                ssh.setSshSessionFactory(sshFactory());
            }
        };
    }

    private synchronized SshdSessionFactory sshFactory() {
        if (sshFactory == null) {
            sshFactory = buildSshFactory();
        }
        return sshFactory;
    }

    private SshdSessionFactory buildSshFactory() {
        Path home = Path.of(System.getProperty("user.home"));
        Path knownHosts = config.sshKnownHostsFile().orElse(home.resolve(".ssh").resolve("known_hosts"));
        Path sshDir = sshDirectory();
        Path configFile = sshDir.resolve("config");
        try {
            Files.createDirectories(sshDir);
            Files.writeString(configFile, sshConfig(knownHosts), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Reason.LOCAL_STORAGE,
                    "Cannot write the SSH configuration " + configFile + ": " + e.getMessage()
                            + "; make the folder of localDirectory writable.", null);
        }
        List<Path> identities = config.sshPrivateKeyFile().map(List::of).orElse(List.of());
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(sshDir.toFile())
                .setConfigFile(dir -> configFile.toFile())
                .setDefaultIdentities(dir -> identities)
                .setDefaultKnownHostsFiles(dir -> List.of(knownHosts))
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    /** Beside the clone, not inside it: a bare repository's folder belongs to Git. */
    private Path sshDirectory() {
        Path clone = config.localDirectory().toAbsolutePath();
        return clone.resolveSibling(clone.getFileName() + ".ssh");
    }

    private String sshConfig(Path knownHosts) {
        StringBuilder text = new StringBuilder("Host *\n")
                .append("  StrictHostKeyChecking ").append(config.strictHostKeyChecking() ? "yes" : "no").append('\n')
                .append("  UserKnownHostsFile \"").append(knownHosts.toAbsolutePath()).append("\"\n")
                .append("  BatchMode yes\n");
        config.sshPrivateKeyFile().ifPresent(key -> text
                .append("  IdentityFile \"").append(key.toAbsolutePath()).append("\"\n")
                .append("  IdentitiesOnly yes\n"));
        return text.toString();
    }

    /** Fails early, in plain words, when the key cannot be read (rather than as an SSH authentication error). */
    void checkKeyReadable() {
        config.sshPrivateKeyFile().ifPresent(key -> {
            if (!Files.isReadable(key)) {
                throw new GitSourceException(GitSourceException.Reason.CONFIGURATION, "The SSH private key file "
                        + key + " does not exist or cannot be read; set sshPrivateKeyFile to a readable key file.",
                        null);
            }
        });
    }

    @Override
    public synchronized void close() {
        if (sshFactory != null) {
            sshFactory.close();
            sshFactory = null;
        }
    }
}
