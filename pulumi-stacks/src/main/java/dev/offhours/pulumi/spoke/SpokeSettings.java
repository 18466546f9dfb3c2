package dev.offhours.pulumi.spoke;

import com.pulumi.core.Output;
import dev.offhours.core.schedule.Account;
import dev.offhours.core.source.RepositoryReadResult;
import dev.offhours.core.source.RepositoryReader;
import dev.offhours.core.source.SourceFile;
import dev.offhours.pulumi.StackConfig;
import dev.offhours.pulumi.hub.HubSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the spoke program reads: the accounts (from the schedules repository's {@code accounts.yaml}, read and
 * validated by the same reader as the service), the hub's outputs, and the ExternalId (a secret config value).
 *
 * @param accounts          every onboarded account with its regions
 * @param hubRoleArn        the hub stack's output {@code hubRoleArn}: the only principal the spoke roles trust
 * @param hubEventBusArn    the hub stack's output {@code hubEventBusArn}: where the spoke rules forward
 * @param externalId        the ExternalId the hub passes; never in Git ({@code pulumi config set --secret})
 * @param spokeRoleName     the role name the hub assumes (the hub's {@code spokeRoleName})
 * @param bootstrapRoleName the role this program assumes in each account to create the spoke resources
 * @param prefix            prefix of resource names
 * @param trail             where the CloudTrail events the rules match come from
 */
public record SpokeSettings(List<Account> accounts, String hubRoleArn, String hubEventBusArn, Output<String> externalId,
                            String spokeRoleName, String bootstrapRoleName, String prefix, TrailSettings trail) {

    public static final String DEFAULT_BOOTSTRAP_ROLE = "OrganizationAccountAccessRole";

    public SpokeSettings {
        accounts = List.copyOf(accounts);
        if (!hubRoleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new IllegalArgumentException("hubRoleArn must be the hub role's ARN (the hub stack's output"
                    + " hubRoleArn, e.g. arn:aws:iam::123456789012:role/offhours-hub), not '" + hubRoleArn + "'");
        }
        if (!hubEventBusArn.matches("arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/.+")) {
            throw new IllegalArgumentException("hubEventBusArn must be the hub bus's ARN (the hub stack's output"
                    + " hubEventBusArn, e.g. arn:aws:events:eu-central-1:123456789012:event-bus/offhours-hub), not '"
                    + hubEventBusArn + "'");
        }
    }

    public static SpokeSettings from(StackConfig config) {
        Path accountsFile = Path.of(config.text("accountsFile", "accounts.yaml"));
        return new SpokeSettings(readAccounts(accountsFile),
                config.require("hubRoleArn"),
                config.require("hubEventBusArn"),
                config.requireSecret("externalId"),
                config.text("spokeRoleName", HubSettings.DEFAULT_SPOKE_ROLE_NAME),
                config.text("bootstrapRoleName", DEFAULT_BOOTSTRAP_ROLE),
                config.text("prefix", "offhours-"),
                new TrailSettings(config.text("trailMode", TrailSettings.EXISTING),
                        config.get("organizationTrailArn"), config.integer("trailRetentionDays", 90, 1, 3650)));
    }

    static List<Account> readAccounts(Path file) {
        try {
            return parseAccounts(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the account registry " + file.toAbsolutePath()
                    + "; set config accountsFile to the schedules repository's accounts.yaml", e);
        }
    }

    /** The accounts of an {@code accounts.yaml}; every problem the service would report fails the program. */
    public static List<Account> parseAccounts(String accountsYaml) {
        RepositoryReadResult result = new RepositoryReader().read(List.of(new SourceFile("accounts.yaml", accountsYaml)));
        if (!result.valid()) {
            throw new IllegalArgumentException("accounts.yaml is not valid:\n" + result.problems().stream()
                    .map(Object::toString).collect(Collectors.joining("\n")));
        }
        List<Account> accounts = result.catalog().accounts().accounts();
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("accounts.yaml lists no account: add one entry per spoke account");
        }
        return accounts;
    }
}
