package dev.offhours.pulumi.hub;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hub service on ECS Fargate, checked when built: every mistake that would leave a task unable to start or the
 * admin port open is refused before any resource is declared.
 *
 * @param image            the OCI image of the {@code reconciler} module's Jib profile, e.g.
 *                         {@code 123456789012.dkr.ecr.eu-central-1.amazonaws.com/offhours:0.1.0}
 * @param existingCluster  an existing ECS cluster's ARN; empty: the component creates {@code <prefix>hub}
 * @param vpcId            the VPC of the subnets (the tasks' security group is created in it)
 * @param subnetIds        subnets of the tasks (private subnets with a NAT gateway or VPC endpoints)
 * @param securityGroupIds further security groups for the tasks, beside the one the component creates
 * @param desiredCount     tasks: 1, or 2 for a standby that takes over through the hub's own leases (default 1)
 * @param cpu              task CPU units (default 1024)
 * @param memoryMb         task memory (default 2048)
 * @param logRetentionDays retention of the log group {@code /ecs/<prefix>hub} (default 30)
 * @param ingressCidrs     CIDRs allowed to reach the application port (API, dashboard, webhook); default none
 * @param ingressPorts     ports opened to {@code ingressCidrs} (default the application port); never the admin port
 * @param git              the schedules repository the service follows
 * @param secrets          where each secret is stored (ARNs, never values)
 * @param eventsEnabled    whether the service runs the event-driven inventory updater on the events queue
 *                         (default true)
 * @param loadBalancer     an optional load balancer in front of the application port
 */
public record EcsServiceSettings(String image, Optional<String> existingCluster, String vpcId, List<String> subnetIds,
                                 List<String> securityGroupIds, int desiredCount, int cpu, int memoryMb,
                                 int logRetentionDays, List<String> ingressCidrs, List<Integer> ingressPorts,
                                 GitSource git, ServiceSecrets secrets, boolean eventsEnabled,
                                 Optional<LoadBalancerSettings> loadBalancer) {

    /** The ports of the image (the Jib profile's {@code <ports>}, the configuration's connectors). */
    public static final int APPLICATION_PORT = 8080;
    public static final int ADMIN_PORT = 8081;
    /** The values CloudWatch Logs accepts for a retention. */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /**
     * The schedules repository.
     *
     * @param url          HTTPS or SSH URL of the Git repository
     * @param branch       the branch whose tip is applied (default {@code main})
     * @param subdirectory folder of the schedules repository inside the Git repository (default the root)
     */
    public record GitSource(String url, String branch, String subdirectory) {
        public GitSource {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("serviceGitUrl is required with serviceMode ecs: the URL of the"
                        + " schedules repository, e.g. https://github.com/acme/offhours-schedules.git");
            }
        }
    }

    /**
     * Where the service's secrets are stored; the execution role may read exactly these and nothing else.
     *
     * @param externalId    the ExternalId the spoke roles require (required)
     * @param apiTokenSha256 the SHA-256 of the status API's bearer token (required: the API refuses everyone
     *                      without one)
     * @param gitToken      the HTTPS token of the schedules repository (empty for a public repository)
     * @param webhookSecret the GitHub webhook secret (empty: no webhook, the service polls)
     */
    public record ServiceSecrets(SecretRef externalId, SecretRef apiTokenSha256, Optional<SecretRef> gitToken,
                                 Optional<SecretRef> webhookSecret) {

        public List<SecretRef> all() {
            List<SecretRef> all = new java.util.ArrayList<>(List.of(externalId, apiTokenSha256));
            gitToken.ifPresent(all::add);
            webhookSecret.ifPresent(all::add);
            return List.copyOf(all);
        }
    }

    /**
     * One secret: the ARN of an SSM parameter ({@code arn:aws:ssm:<region>:<account>:parameter/...}) or of a Secrets
     * Manager secret. A plain value is refused: it would stand in the task definition, readable by everyone who may
     * describe it, and in the stack's state.
     *
     * @param setting the configuration key, for messages
     * @param arn     where the value is stored
     */
    public record SecretRef(String setting, String arn) {

        private static final String SSM = "arn:aws[a-z-]*:ssm:[a-z0-9-]+:\\d{12}:parameter/.+";
        private static final String SECRETS_MANAGER = "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+";

        public SecretRef {
            if (arn == null || !(arn.matches(SSM) || arn.matches(SECRETS_MANAGER))) {
                throw new IllegalArgumentException(setting + " must be where the secret is stored -- an SSM"
                        + " parameter ARN (arn:aws:ssm:<region>:<account>:parameter/offhours/...) or a Secrets Manager"
                        + " secret ARN -- not the secret itself: a plain value would stand in the task definition"
                        + " and the stack state for everyone who may read them. Store it first, e.g. `aws ssm"
                        + " put-parameter --type SecureString --name /offhours/... --value ...`, then set its ARN"
                        + (arn == null || arn.isBlank() ? "" : " (the given value is not shown)"));
            }
        }

        public boolean inSecretsManager() {
            return arn.matches(SECRETS_MANAGER);
        }
    }

    /**
     * A load balancer in front of the application port (API, dashboard, GitHub webhook).
     *
     * @param scheme         {@code internal} (reachable from the VPC and what is routed to it) or {@code public}
     * @param subnetIds      at least two subnets in different availability zones
     * @param certificateArn an ACM certificate: the listener speaks HTTPS on 443; required for {@code public}
     * @param ingressCidrs   CIDRs allowed to reach the listener (at least one)
     */
    public record LoadBalancerSettings(String scheme, List<String> subnetIds, Optional<String> certificateArn,
                                       List<String> ingressCidrs) {

        public LoadBalancerSettings {
            subnetIds = List.copyOf(subnetIds);
            ingressCidrs = List.copyOf(ingressCidrs);
            if (!scheme.equals("internal") && !scheme.equals("public")) {
                throw new IllegalArgumentException("loadBalancer must be none, internal or public, not '" + scheme + "'");
            }
            if (subnetIds.size() < 2) {
                throw new IllegalArgumentException("loadBalancerSubnetIds needs at least two subnets in different"
                        + " availability zones (an application load balancer's rule), got " + subnetIds);
            }
            subnetIds.forEach(id -> requireSubnet("loadBalancerSubnetIds", id));
            if (scheme.equals("public") && certificateArn.isEmpty()) {
                throw new IllegalArgumentException("a public load balancer needs loadBalancerCertificateArn (an ACM"
                        + " certificate): bearer tokens and webhook signatures must not cross the internet in clear"
                        + " text");
            }
            if (ingressCidrs.isEmpty()) {
                throw new IllegalArgumentException("loadBalancerIngressCidrs is required: the CIDRs allowed to reach"
                        + " the load balancer (e.g. the VPC's CIDR, or GitHub's webhook ranges for a public one)");
            }
            ingressCidrs.forEach(cidr -> requireCidr("loadBalancerIngressCidrs", cidr));
        }

        public boolean internal() {
            return scheme.equals("internal");
        }

        public int listenerPort() {
            return certificateArn.isPresent() ? 443 : 80;
        }
    }

    public EcsServiceSettings {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        ingressCidrs = List.copyOf(ingressCidrs);
        ingressPorts = List.copyOf(ingressPorts);
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("serviceImage is required with serviceMode ecs: the image built by"
                    + " `./mvnw -pl reconciler -am package jib:build -Pimage -Djib.to.image=...`");
        }
        if (vpcId == null || !vpcId.matches("vpc-[0-9a-f]{8,17}")) {
            throw new IllegalArgumentException("serviceVpcId is required with serviceMode ecs: the VPC of the service's"
                    + " subnets, e.g. vpc-0a1b2c3d4e5f60718" + (vpcId == null ? "" : ", not '" + vpcId + "'"));
        }
        if (subnetIds.isEmpty()) {
            throw new IllegalArgumentException("serviceSubnetIds is required with serviceMode ecs: at least one"
                    + " subnet for the tasks (private, with a route to AWS's APIs and to the Git host)");
        }
        subnetIds.forEach(id -> requireSubnet("serviceSubnetIds", id));
        securityGroupIds.forEach(id -> {
            if (!id.matches("sg-[0-9a-f]{8,17}")) {
                throw new IllegalArgumentException("serviceSecurityGroupIds must hold security group ids (sg-...),"
                        + " not '" + id + "'");
            }
        });
        if (desiredCount < 1 || desiredCount > 2) {
            throw new IllegalArgumentException("serviceDesiredCount must be 1 or 2 (a second task is a standby that"
                    + " takes over through the hub's leases), not " + desiredCount);
        }
        requireFargateSize(cpu, memoryMb);
        if (!LOG_RETENTION_DAYS.contains(logRetentionDays)) {
            throw new IllegalArgumentException("serviceLogRetentionDays must be one of CloudWatch Logs' values "
                    + new java.util.TreeSet<>(LOG_RETENTION_DAYS) + ", not " + logRetentionDays);
        }
        for (int port : ingressPorts) {
            if (port == ADMIN_PORT) {
                throw new IllegalArgumentException("serviceIngressPorts must not open the admin port " + ADMIN_PORT
                        + ": it serves health checks, metrics and tasks such as log-level without authentication."
                        + " The container health check reaches it on 127.0.0.1 inside the task; remove " + ADMIN_PORT);
            }
            if (port != APPLICATION_PORT) {
                throw new IllegalArgumentException("serviceIngressPorts may only hold the application port "
                        + APPLICATION_PORT + " (the image listens on nothing else), not " + port);
            }
        }
        ingressCidrs.forEach(cidr -> requireCidr("serviceIngressCidrs", cidr));
    }

    /** The CPU and memory pairs Fargate offers (memory in steps of 1 GB from the minimum, 8 GB above 4 vCPU). */
    static void requireFargateSize(int cpu, int memoryMb) {
        int[][] ranges = {{256, 512, 2048}, {512, 1024, 4096}, {1024, 2048, 8192}, {2048, 4096, 16_384},
                {4096, 8192, 30_720}, {8192, 16_384, 61_440}, {16_384, 32_768, 122_880}};
        for (int[] range : ranges) {
            if (range[0] == cpu) {
                int step = cpu >= 8192 ? 4096 : cpu == 256 && memoryMb == 512 ? 512 : 1024;
                if (memoryMb < range[1] || memoryMb > range[2] || memoryMb % step != 0) {
                    throw new IllegalArgumentException("serviceMemoryMb " + memoryMb + " does not fit serviceCpu " + cpu
                            + ": Fargate offers " + range[1] + " to " + range[2] + " MiB with it, in steps of " + step);
                }
                return;
            }
        }
        throw new IllegalArgumentException("serviceCpu must be one of Fargate's sizes 256, 512, 1024, 2048, 4096,"
                + " 8192, 16384, not " + cpu);
    }

    static void requireSubnet(String setting, String id) {
        if (!id.matches("subnet-[0-9a-f]{8,17}")) {
            throw new IllegalArgumentException(setting + " must hold subnet ids (subnet-...), not '" + id + "'");
        }
    }

    static void requireCidr(String setting, String cidr) {
        if (!cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            throw new IllegalArgumentException(setting + " must hold IPv4 CIDRs such as 10.0.0.0/16, not '" + cidr + "'");
        }
    }

    /** Whether the image is in ECR, so the execution role needs to pull from that one repository. */
    public Optional<EcrRepository> ecrRepository() {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/([^:@]+).*").matcher(image);
        return m.matches() ? Optional.of(new EcrRepository(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    public record EcrRepository(String account, String region, String name) {
        public String arn() {
            return "arn:aws:ecr:" + region + ":" + account + ":repository/" + name;
        }
    }
}
