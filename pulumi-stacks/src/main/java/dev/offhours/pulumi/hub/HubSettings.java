package dev.offhours.pulumi.hub;

import com.pulumi.core.Output;
import dev.offhours.pulumi.StackConfig;
import dev.offhours.store.dynamodb.HubTableDefinitions.TableNames;
import java.util.List;
import java.util.Optional;

/**
 * Everything the hub program reads from its stack configuration, validated before any resource is declared, so a
 * bad value fails {@code pulumi preview} with a sentence instead of a half-applied update.
 *
 * @param prefix                   prefix of every resource name (several hubs can share an account)
 * @param tables                   DynamoDB table names
 * @param spokeRoleName            the role the hub assumes in every spoke account
 * @param organizationId           the AWS Organization whose accounts may put events on the hub bus, or empty
 * @param spokeAccountIds          explicit accounts allowed on the hub bus when there is no organization
 * @param workQueueVisibilitySeconds visibility timeout of the work queue
 * @param workMaxReceiveCount      receives before a work item goes to the work dead-letter queue
 * @param eventsMaxReceiveCount    receives before an event goes to the events dead-letter queue
 * @param lambda                   the Lambda worker, when {@code workerMode} is {@code lambda}
 * @param alarmEmail               an address subscribed to the alarm topic, or empty
 * @param failedOperationsThreshold failed operations per 5 minutes above which the alarm fires
 * @param service                  the hub service on ECS Fargate, when {@code serviceMode} is {@code ecs}
 * @param waveCapacity             provisioned DynamoDB capacity raised for each wave, or empty for on-demand
 * @param api                      where the status API runs ({@code apiMode}: in the service, on Lambda, nowhere)
 */
public record HubSettings(String prefix, TableNames tables, String spokeRoleName, Optional<String> organizationId,
                          List<String> spokeAccountIds, int workQueueVisibilitySeconds, int workMaxReceiveCount,
                          int eventsMaxReceiveCount, Optional<LambdaWorkerSettings> lambda, Optional<String> alarmEmail,
                          int failedOperationsThreshold, Optional<EcsServiceSettings> service,
                          Optional<WaveCapacity> waveCapacity, ApiFunctionSettings api) {

    /**
     * Provisioned capacity for the hub tables, sized by {@code CostModel.plan} for {@code targets}, raised by
     * Application Auto Scaling at each {@code scaleUpCrons} and lowered at each {@code scaleDownCrons} (UTC
     * {@code cron(...)} expressions: a few minutes before each wave, and an hour after it). {@code cost-model} says
     * from which fleet size this costs less than on-demand.
     */
    public record WaveCapacity(int targets, List<String> scaleUpCrons, List<String> scaleDownCrons) {
        public WaveCapacity {
            scaleUpCrons = List.copyOf(scaleUpCrons);
            scaleDownCrons = List.copyOf(scaleDownCrons);
            if (scaleUpCrons.isEmpty() || scaleDownCrons.isEmpty()) {
                throw new IllegalArgumentException("provisionedForTargets needs provisionedScaleUpCrons and "
                        + "provisionedScaleDownCrons, e.g. [\"cron(50 5 ? * MON-FRI *)\"] and "
                        + "[\"cron(0 7 ? * MON-FRI *)\"] (UTC): capacity raised before each wave and lowered after");
            }
            for (String cron : concat(scaleUpCrons, scaleDownCrons)) {
                if (!cron.matches("cron\\(\\S+( \\S+){5}\\)")) {
                    throw new IllegalArgumentException("provisionedScaleUpCrons and provisionedScaleDownCrons hold "
                            + "Application Auto Scaling expressions such as cron(50 5 ? * MON-FRI *), not '" + cron
                            + "'");
                }
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    public static final String DEFAULT_SPOKE_ROLE_NAME = "offhours-spoke";
    public static final int DEFAULT_MAXIMUM_CONCURRENCY = 50;
    /** AWS's bounds for an SQS event source mapping's {@code MaximumConcurrency}. */
    public static final int MIN_MAXIMUM_CONCURRENCY = 2;
    public static final int MAX_MAXIMUM_CONCURRENCY = 1000;
    /** AWS's advice for SQS event sources: visibility timeout at least six times the function timeout. */
    public static final int VISIBILITY_TO_TIMEOUT_RATIO = 6;

    /**
     * The Lambda worker.
     *
     * @param jarPath            the worker's shaded jar ({@code worker/target/offhours-worker-lambda.jar})
     * @param timeoutSeconds     the function timeout
     * @param memoryMb           the function memory
     * @param maximumConcurrency the event source mapping's {@code scalingConfig.maximumConcurrency}
     * @param batchSize          messages per invocation
     * @param externalId         the ExternalId the spoke roles require (a secret config value)
     */
    public record LambdaWorkerSettings(String jarPath, int timeoutSeconds, int memoryMb, int maximumConcurrency,
                                       int batchSize, Output<String> externalId) {
    }

    public HubSettings {
        spokeAccountIds = List.copyOf(spokeAccountIds);
        if (organizationId.isPresent() == !spokeAccountIds.isEmpty()) {
            throw new IllegalArgumentException("set exactly one of organizationId (e.g. o-a1b2c3d4e5, every account"
                    + " of the organization may put events on the hub bus) or spokeAccountIds (a list of 12-digit"
                    + " account ids)" + (organizationId.isPresent() ? ", not both" : ""));
        }
        spokeAccountIds.forEach(HubSettings::requireAccountId);
        requireBetween("workQueueVisibilityTimeoutSeconds", workQueueVisibilitySeconds, 0, 43_200);
        requireBetween("workQueueMaxReceiveCount", workMaxReceiveCount, 1, 1000);
        requireBetween("eventsQueueMaxReceiveCount", eventsMaxReceiveCount, 1, 1000);
        requireBetween("failedOperationsThreshold", failedOperationsThreshold, 0, 1_000_000);
        lambda.ifPresent(l -> requireBetween("lambdaMaximumConcurrency", l.maximumConcurrency(),
                MIN_MAXIMUM_CONCURRENCY, MAX_MAXIMUM_CONCURRENCY));
        lambda.ifPresent(l -> requireVisibilityCoversTimeout(workQueueVisibilitySeconds, l.timeoutSeconds()));
        java.util.Objects.requireNonNull(api, "api");
        if (api.mode() == ApiFunctionSettings.Mode.ECS && service.isEmpty()) {
            throw new IllegalArgumentException("apiMode ecs serves the API from the hub service on ECS, which is not "
                    + "declared (serviceMode none or no serviceImage): set serviceImage, or apiMode lambda or none");
        }
    }

    /** Reads and checks the hub's configuration (see {@link OffhoursHubArgs#fromConfig}). */
    public static HubSettings from(StackConfig config) {
        return OffhoursHubArgs.fromConfig(config).settings();
    }

    /** {@code provisionedForTargets} and its crons, or empty (the default): on-demand tables. */
    static Optional<WaveCapacity> provisionedCapacity(StackConfig config) {
        int targets = config.integer("provisionedForTargets", 0, 0, 10_000_000);
        return targets == 0 ? Optional.empty() : Optional.of(new WaveCapacity(targets,
                config.list("provisionedScaleUpCrons"), config.list("provisionedScaleDownCrons")));
    }

    static Optional<LambdaWorkerSettings> lambda(StackConfig config) {
        String mode = config.text("workerMode", "service");
        switch (mode) {
            case "service":
                return Optional.empty();
            case "lambda":
                return Optional.of(new LambdaWorkerSettings(
                        config.text("lambdaJarPath", "../../worker/target/offhours-worker-lambda.jar"),
                        config.integer("lambdaTimeoutSeconds", 120, 1, 900),
                        config.integer("lambdaMemoryMb", 1024, 128, 10_240),
                        config.integer("lambdaMaximumConcurrency", DEFAULT_MAXIMUM_CONCURRENCY,
                                MIN_MAXIMUM_CONCURRENCY, MAX_MAXIMUM_CONCURRENCY),
                        config.integer("lambdaBatchSize", 10, 1, 10),
                        config.requireSecret("externalId")));
            default:
                throw new IllegalArgumentException("config workerMode must be 'service' (workers inside the hub"
                        + " service) or 'lambda' (the Lambda worker behind the work queue), not '" + mode + "'");
        }
    }

    static void requireVisibilityCoversTimeout(int visibilitySeconds, int timeoutSeconds) {
        int needed = VISIBILITY_TO_TIMEOUT_RATIO * timeoutSeconds;
        if (visibilitySeconds < needed) {
            throw new IllegalArgumentException("workQueueVisibilityTimeoutSeconds (" + visibilitySeconds + ") must be"
                    + " at least six times lambdaTimeoutSeconds (" + timeoutSeconds + "), i.e. at least " + needed
                    + ", or a message still being worked on becomes visible again and runs twice; raise the"
                    + " visibility timeout or lower the function timeout");
        }
    }

    private static void requireBetween(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max
                    + " (inclusive), not " + value);
        }
    }

    private static void requireAccountId(String id) {
        if (!id.matches("\\d{12}")) {
            throw new IllegalArgumentException("spokeAccountIds must hold 12-digit AWS account ids, not '" + id + "'");
        }
    }

    public boolean lambdaWorker() {
        return lambda.isPresent();
    }
}
