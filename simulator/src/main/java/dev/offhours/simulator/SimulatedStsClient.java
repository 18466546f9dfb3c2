package dev.offhours.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsServiceClientConfiguration;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS for a caller: the hub (no credentials) or a spoke session (role chaining). AssumeRole succeeds only for the
 * configured role name in an account of the fleet, with the expected ExternalId, for accounts not denied; every
 * refusal is AccessDenied, as AWS does not tell a missing role from a refused one. Sessions last at most one hour
 * (role chaining).
 */
final class SimulatedStsClient implements StsClient {
    private static final ApiFamily FAMILY = ApiFamily.STS;
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int CHAINED_MAX_SECONDS = 3600;
    private static final int MIN_SECONDS = 900;
    static final String HUB_ROLE = "offhours-hub";

    private final FleetRuntime fleet;
    private final AwsCredentialsProvider credentials;
    private final String region;

    /** @param credentials null for the hub's own identity */
    SimulatedStsClient(FleetRuntime fleet, AwsCredentialsProvider credentials, String region) {
        this.fleet = fleet;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
        Matcher arn = ROLE_ARN.matcher(Objects.requireNonNullElse(request.roleArn(), ""));
        if (arn.matches()) {
            fleet.metrics().assumeRoleCalled(arn.group(1));
        }
        fleet.gate().arrive(FAMILY, "AssumeRole");
        Caller caller = caller();
        if (!arn.matches()) {
            throw AwsErrors.stsValidation("Value '" + request.roleArn() + "' at 'roleArn' is not a valid role ARN; "
                    + "expected arn:aws:iam::<12-digit account>:role/<name>.");
        }
        String roleAccount = arn.group(1);
        String bucketAccount = fleet.config().stsBucketScope() == StsBucketScope.CALLER_ACCOUNT
                ? caller.account() : roleAccount;
        fleet.gate().admit(new BucketKey(bucketAccount, region, FAMILY));
        Duration duration = duration(request);
        requireSessionName(request.roleSessionName());
        if (!mayAssume(roleAccount, arn.group(2), request.externalId())) {
            throw AwsErrors.stsAccessDenied("User: " + caller.arn() + " is not authorized to perform: sts:AssumeRole "
                    + "on resource: " + request.roleArn());
        }
        Session session = fleet.sessions().issue(roleAccount, arn.group(2), request.roleSessionName(), duration);
        return AssumeRoleResponse.builder()
                .credentials(Credentials.builder()
                        .accessKeyId(session.accessKeyId())
                        .secretAccessKey(session.secretAccessKey())
                        .sessionToken(session.sessionToken())
                        .expiration(session.expiration())
                        .build())
                .assumedRoleUser(AssumedRoleUser.builder()
                        .arn(session.assumedRoleArn())
                        .assumedRoleId(roleId(roleAccount) + ":" + session.sessionName())
                        .build())
                .build();
    }

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        fleet.gate().arrive(FAMILY, "GetCallerIdentity");
        Caller caller = caller();
        fleet.gate().admit(new BucketKey(caller.account(), region, FAMILY));
        return GetCallerIdentityResponse.builder()
                .account(caller.account()).arn(caller.arn()).userId(caller.userId()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public StsServiceClientConfiguration serviceClientConfiguration() {
        var builder = StsServiceClientConfiguration.builder().region(Region.of(region));
        return credentials == null ? builder.build() : builder.credentialsProvider(credentials).build();
    }

    @Override
    public void close() {
        // nothing to release: the fleet outlives its clients
    }

    private record Caller(String account, String arn, String userId) {
    }

    private Caller caller() {
        if (credentials == null) {
            String hub = fleet.config().hubAccount();
            return new Caller(hub, "arn:aws:sts::" + hub + ":assumed-role/" + HUB_ROLE + "/offhours",
                    roleId(hub) + ":offhours");
        }
        Session session = fleet.gate().authenticate(FAMILY, credentials);
        return new Caller(session.account(), session.assumedRoleArn(),
                roleId(session.account()) + ":" + session.sessionName());
    }

    private boolean mayAssume(String account, String roleName, String externalId) {
        FleetConfig config = fleet.config();
        return fleet.state().hasAccount(account)
                && config.roleName().equals(roleName)
                && !fleet.state().denied(account)
                && (config.externalId() == null || config.externalId().equals(externalId));
    }

    private static Duration duration(AssumeRoleRequest request) {
        int seconds = request.durationSeconds() == null ? CHAINED_MAX_SECONDS : request.durationSeconds();
        if (seconds < MIN_SECONDS) {
            throw AwsErrors.stsValidation("1 validation error detected: Value '" + seconds + "' at 'durationSeconds' "
                    + "failed to satisfy constraint: Member must have value greater than or equal to " + MIN_SECONDS);
        }
        if (seconds > CHAINED_MAX_SECONDS) {
            throw AwsErrors.stsValidation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        return Duration.ofSeconds(seconds);
    }

    private static void requireSessionName(String name) {
        if (name == null || !SESSION_NAME.matcher(name).matches()) {
            throw AwsErrors.stsValidation("1 validation error detected: Value '" + name + "' at 'roleSessionName' "
                    + "failed to satisfy constraint: Member must have length 2..64 and match [\\w+=,.@-]*");
        }
    }

    private static String roleId(String account) {
        return "AROA" + account + "SIM";
    }
}
