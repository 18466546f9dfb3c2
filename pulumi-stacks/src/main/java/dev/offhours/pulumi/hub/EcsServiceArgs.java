package dev.offhours.pulumi.hub;

import dev.offhours.pulumi.StackConfig;
import dev.offhours.pulumi.hub.EcsServiceSettings.GitSource;
import dev.offhours.pulumi.hub.EcsServiceSettings.LoadBalancerSettings;
import dev.offhours.pulumi.hub.EcsServiceSettings.SecretRef;
import dev.offhours.pulumi.hub.EcsServiceSettings.ServiceSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds {@link EcsServiceSettings}, the hub service on ECS Fargate. Required: image, VPC, subnets, Git URL, the
 * ExternalId's and the API token hash's secret ARNs; every other setting has the default its method names.
 */
public final class EcsServiceArgs {

    private String image;
    private Optional<String> existingCluster = Optional.empty();
    private String vpcId;
    private final List<String> subnetIds = new ArrayList<>();
    private final List<String> securityGroupIds = new ArrayList<>();
    private int desiredCount = 1;
    private int cpu = 1024;
    private int memoryMb = 2048;
    private int logRetentionDays = 30;
    private final List<String> ingressCidrs = new ArrayList<>();
    private final List<Integer> ingressPorts = new ArrayList<>(List.of(EcsServiceSettings.APPLICATION_PORT));
    private String gitUrl;
    private String gitBranch = "main";
    private String gitSubdirectory = "";
    private String externalIdSecret;
    private String apiTokenSha256Secret;
    private Optional<String> gitTokenSecret = Optional.empty();
    private Optional<String> webhookSecretSecret = Optional.empty();
    private boolean eventsEnabled = true;
    private Optional<LoadBalancerSettings> loadBalancer = Optional.empty();

    public static EcsServiceArgs builder() {
        return new EcsServiceArgs();
    }

    /**
     * The stack configuration's service settings: {@code serviceMode} is {@code ecs} (the default when
     * {@code serviceImage} is set) or {@code none} (the default otherwise: tables, queues and roles only).
     */
    static Optional<EcsServiceSettings> fromConfig(StackConfig config) {
        String mode = config.text("serviceMode", config.get("serviceImage").isPresent() ? "ecs" : "none");
        if (mode.equals("none")) {
            return Optional.empty();
        }
        if (!mode.equals("ecs")) {
            throw new IllegalArgumentException("config serviceMode must be 'ecs' (the hub service on ECS Fargate) or"
                    + " 'none' (no service: run it elsewhere), not '" + mode + "'");
        }
        EcsServiceArgs args = builder()
                .image(config.get("serviceImage").orElse(null))
                .vpcId(config.get("serviceVpcId").orElse(null))
                .subnetIds(config.list("serviceSubnetIds"))
                .securityGroupIds(config.list("serviceSecurityGroupIds"))
                .desiredCount(config.integer("serviceDesiredCount", 1, 1, 2))
                .cpu(config.integer("serviceCpu", 1024, 256, 16_384))
                .memoryMb(config.integer("serviceMemoryMb", 2048, 512, 122_880))
                .logRetentionDays(config.integer("serviceLogRetentionDays", 30, 1, 3653))
                .ingressCidrs(config.list("serviceIngressCidrs"))
                .gitUrl(config.get("serviceGitUrl").orElse(null))
                .gitBranch(config.text("serviceGitBranch", "main"))
                .gitSubdirectory(config.text("serviceGitSubdirectory", ""))
                .externalIdSecret(config.get("serviceExternalIdSecret").orElse(null))
                .apiTokenSha256Secret(config.get("serviceApiTokenSha256Secret").orElse(null))
                .eventsEnabled(!config.text("serviceEventsEnabled", "true").equals("false"));
        List<String> ports = config.list("serviceIngressPorts");
        if (!ports.isEmpty()) {
            args.ingressPorts(ports.stream().map(p -> parsePort("serviceIngressPorts", p)).toList());
        }
        config.get("serviceClusterArn").ifPresent(args::existingCluster);
        config.get("serviceGitTokenSecret").ifPresent(args::gitTokenSecret);
        config.get("serviceWebhookSecretSecret").ifPresent(args::webhookSecretSecret);
        String scheme = config.text("loadBalancer", "none");
        if (!scheme.equals("none")) {
            args.loadBalancer(new LoadBalancerSettings(scheme, config.list("loadBalancerSubnetIds"),
                    config.get("loadBalancerCertificateArn"), config.list("loadBalancerIngressCidrs")));
        }
        return Optional.of(args.build());
    }

    private static int parsePort(String setting, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must hold port numbers, not '" + text + "'", e);
        }
    }

    /** The image of the reconciler's Jib profile (required). */
    public EcsServiceArgs image(String image) {
        this.image = image;
        return this;
    }

    /** An existing cluster's ARN. Default: the component creates {@code <prefix>hub}. */
    public EcsServiceArgs existingCluster(String arn) {
        this.existingCluster = Optional.of(arn);
        return this;
    }

    /** The VPC of the subnets (required). */
    public EcsServiceArgs vpcId(String vpcId) {
        this.vpcId = vpcId;
        return this;
    }

    /** The tasks' subnets (required, at least one). */
    public EcsServiceArgs subnetIds(List<String> ids) {
        this.subnetIds.addAll(ids);
        return this;
    }

    /** Further security groups of the tasks. Default none. */
    public EcsServiceArgs securityGroupIds(List<String> ids) {
        this.securityGroupIds.addAll(ids);
        return this;
    }

    /** 1, or 2 for a standby. Default 1. */
    public EcsServiceArgs desiredCount(int count) {
        this.desiredCount = count;
        return this;
    }

    /** Task CPU units. Default 1024. */
    public EcsServiceArgs cpu(int cpu) {
        this.cpu = cpu;
        return this;
    }

    /** Task memory in MiB. Default 2048. */
    public EcsServiceArgs memoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
        return this;
    }

    /** Retention of the log group. Default 30 days. */
    public EcsServiceArgs logRetentionDays(int days) {
        this.logRetentionDays = days;
        return this;
    }

    /** CIDRs allowed on the application port. Default none (only the load balancer, if any). */
    public EcsServiceArgs ingressCidrs(List<String> cidrs) {
        this.ingressCidrs.addAll(cidrs);
        return this;
    }

    /** Ports opened to {@link #ingressCidrs}. Default the application port 8080; the admin port is refused. */
    public EcsServiceArgs ingressPorts(List<Integer> ports) {
        this.ingressPorts.clear();
        this.ingressPorts.addAll(ports);
        return this;
    }

    /** The schedules repository's URL (required). */
    public EcsServiceArgs gitUrl(String url) {
        this.gitUrl = url;
        return this;
    }

    /** The branch applied. Default {@code main}. */
    public EcsServiceArgs gitBranch(String branch) {
        this.gitBranch = branch;
        return this;
    }

    /** Folder of the schedules repository in the Git repository. Default the root. */
    public EcsServiceArgs gitSubdirectory(String subdirectory) {
        this.gitSubdirectory = subdirectory;
        return this;
    }

    /** ARN of the SSM parameter or Secrets Manager secret holding the ExternalId (required). */
    public EcsServiceArgs externalIdSecret(String arn) {
        this.externalIdSecret = arn;
        return this;
    }

    /** ARN of the secret holding the API bearer token's SHA-256 (required). */
    public EcsServiceArgs apiTokenSha256Secret(String arn) {
        this.apiTokenSha256Secret = arn;
        return this;
    }

    /** ARN of the secret holding the Git HTTPS token. Default none (public repository or SSH). */
    public EcsServiceArgs gitTokenSecret(String arn) {
        this.gitTokenSecret = Optional.of(arn);
        return this;
    }

    /** ARN of the secret holding the GitHub webhook secret. Default none (the service polls only). */
    public EcsServiceArgs webhookSecretSecret(String arn) {
        this.webhookSecretSecret = Optional.of(arn);
        return this;
    }

    /** Whether the event-driven inventory updater runs. Default true. */
    public EcsServiceArgs eventsEnabled(boolean enabled) {
        this.eventsEnabled = enabled;
        return this;
    }

    /** A load balancer in front of the application port. Default none. */
    public EcsServiceArgs loadBalancer(LoadBalancerSettings loadBalancer) {
        this.loadBalancer = Optional.of(loadBalancer);
        return this;
    }

    public EcsServiceSettings build() {
        ServiceSecrets secrets = new ServiceSecrets(
                new SecretRef("serviceExternalIdSecret", required("serviceExternalIdSecret", externalIdSecret)),
                new SecretRef("serviceApiTokenSha256Secret", required("serviceApiTokenSha256Secret",
                        apiTokenSha256Secret)),
                gitTokenSecret.map(arn -> new SecretRef("serviceGitTokenSecret", arn)),
                webhookSecretSecret.map(arn -> new SecretRef("serviceWebhookSecretSecret", arn)));
        return new EcsServiceSettings(image, existingCluster, vpcId, subnetIds, securityGroupIds, desiredCount, cpu,
                memoryMb, logRetentionDays, ingressCidrs, ingressPorts,
                new GitSource(gitUrl, gitBranch, gitSubdirectory), secrets, eventsEnabled, loadBalancer);
    }

    private static String required(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required with serviceMode ecs: the ARN of the SSM"
                    + " parameter or Secrets Manager secret that holds it");
        }
        return value;
    }
}
