package dev.offhours.pulumi.spoke;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.offhours.pulumi.Children;
import java.util.Optional;
import dev.offhours.core.events.SpokeEventPatterns;
import dev.offhours.core.schedule.Account;
import java.util.ArrayList;
import java.util.List;

/**
 * Onboards every account of {@code accounts.yaml}: through an explicit provider per account and region (assuming
 * the bootstrap role, and refusing to run if the credentials land in another account), the spoke role the hub
 * assumes, and in every region of the account one EventBridge rule per shared pattern forwarding to the hub bus.
 * Adding an account is one entry in {@code accounts.yaml} and {@code pulumi up}.
 */
public final class SpokeStack {

    public record Onboarded(Account account, Role spokeRole, Role forwardingRole, List<EventRule> rules,
                            Optional<SpokeTrail.Declared> trail) {
    }

    private SpokeStack() {
    }

    public static List<Onboarded> declare(SpokeSettings settings, Resource parent) {
        return settings.accounts().stream().map(account -> onboard(settings, account, parent)).toList();
    }

    private static Onboarded onboard(SpokeSettings settings, Account account, Resource parent) {
        String name = settings.prefix() + account.alias();
        // IAM is global: the provider of the account's first region creates the roles.
        CustomResourceOptions inAccount = Children.through(parent, provider(settings, account,
                account.regions().get(0), parent));
        Role spokeRole = new Role(name + "-spoke-role", RoleArgs.builder()
                .name(settings.spokeRoleName())
                .description("offhours: the hub scales opted-in ASGs and node groups with this role")
                .assumeRolePolicy(settings.externalId()
                        .applyValue(id -> SpokePolicies.trustPolicy(settings.hubRoleArn(), id)))
                .maxSessionDuration(3600)
                .build(), inAccount);
        new RolePolicy(name + "-spoke-policy", RolePolicyArgs.builder()
                .name(settings.spokeRoleName())
                .role(spokeRole.id())
                .policy(SpokePolicies.permissions(account.id()))
                .build(), inAccount);
        Role forwardingRole = new Role(name + "-forwarding-role", RoleArgs.builder()
                .name(settings.prefix() + "events-to-hub")
                .description("offhours: EventBridge forwards Auto Scaling and EKS events to the hub bus")
                .assumeRolePolicy(SpokePolicies.eventsTrustPolicy(account.id()))
                .build(), inAccount);
        new RolePolicy(name + "-forwarding-policy", RolePolicyArgs.builder()
                .name(settings.prefix() + "events-to-hub")
                .role(forwardingRole.id())
                .policy(SpokePolicies.eventsPermissions(settings.hubEventBusArn()))
                .build(), inAccount);
        List<EventRule> rules = new ArrayList<>();
        for (int i = 0; i < account.regions().size(); i++) {
            String region = account.regions().get(i);
            CustomResourceOptions inRegion = i == 0 ? inAccount
                    : Children.through(parent, provider(settings, account, region, parent));
            rules.addAll(forwardingRules(settings, name + "-" + region, forwardingRole, inRegion));
        }
        Optional<SpokeTrail.Declared> trail = settings.trail().creates()
                ? Optional.of(SpokeTrail.declare(settings.prefix(), account, account.regions().get(0),
                        settings.trail().retentionDays(), inAccount))
                : Optional.empty();
        return new Onboarded(account, spokeRole, forwardingRole, List.copyOf(rules), trail);
    }

    private static List<EventRule> forwardingRules(SpokeSettings settings, String name, Role forwardingRole,
                                                   CustomResourceOptions inRegion) {
        List<EventRule> rules = new ArrayList<>();
        for (SpokeEventPatterns.Pattern pattern : SpokeEventPatterns.all()) {
            EventRule rule = new EventRule(name + "-" + pattern.name(), EventRuleArgs.builder()
                    .name(settings.prefix() + pattern.name())
                    .description("offhours: " + pattern.description() + ", to the hub bus")
                    .eventPattern(pattern.json())
                    .build(), inRegion);
            new EventTarget(name + "-" + pattern.name() + "-to-hub", EventTargetArgs.builder()
                    .rule(rule.name())
                    .arn(settings.hubEventBusArn())
                    .roleArn(forwardingRole.arn())
                    .build(), inRegion);
            rules.add(rule);
        }
        return rules;
    }

    /** Credentials of the account's bootstrap role; {@code allowedAccountIds} stops a mis-set role early. */
    private static Provider provider(SpokeSettings settings, Account account, String region, Resource parent) {
        return new Provider("aws-" + account.alias() + "-" + region, ProviderArgs.builder()
                .region(region)
                .allowedAccountIds(List.of(account.id()))
                .assumeRole(ProviderAssumeRoleArgs.builder()
                        .roleArn("arn:aws:iam::" + account.id() + ":role/" + settings.bootstrapRoleName())
                        .sessionName("offhours-onboarding")
                        .build())
                .build(), Children.of(parent));
    }

}
