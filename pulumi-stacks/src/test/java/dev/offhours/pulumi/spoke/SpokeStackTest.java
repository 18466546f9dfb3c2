package dev.offhours.pulumi.spoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import dev.offhours.core.events.SpokeEventPatterns;
import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StacksMain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Onboarding a three-account registry (four account-regions) on the mocks. */
class SpokeStackTest {

    static final String HUB_ROLE = "arn:aws:iam::999988887777:role/offhours-hub";
    static final String HUB_BUS = "arn:aws:events:eu-central-1:999988887777:event-bus/offhours-hub";
    static final String EXTERNAL_ID = "external-id-from-a-secret";
    static final String ACCOUNTS = """
            apiVersion: offhours.dev/v1
            kind: AccountRegistry
            spec:
              accounts:
                - id: "111122223333"
                  alias: dev-payments
                  regions: [eu-central-1]
                  groups: [dev]
                - id: "222233334444"
                  alias: dev-data
                  regions: [eu-central-1, eu-west-1]
                  groups: [dev]
                - id: "333344445555"
                  alias: ci-munich
                  regions: [us-east-1]
                  groups: [ci]
            """;
    static final Set<String> MUTATING = Set.of("autoscaling:UpdateAutoScalingGroup", "autoscaling:SetDesiredCapacity",
            "autoscaling:CreateOrUpdateTags", "eks:UpdateNodegroupConfig", "eks:TagResource");

    static final Map<String, String> ACCOUNT_BY_ALIAS = Map.of("dev-payments", "111122223333",
            "dev-data", "222233334444", "ci-munich", "333344445555");

    private static MockedStack.Run run;

    @BeforeAll
    static void onboard() {
        SpokeSettings settings = new SpokeSettings(SpokeSettings.parseAccounts(ACCOUNTS), HUB_ROLE, HUB_BUS,
                Output.ofSecret(EXTERNAL_ID), "offhours-spoke", SpokeSettings.DEFAULT_BOOTSTRAP_ROLE, "offhours-",
                TrailSettings.existing());
        run = MockedStack.run(StacksMain.SPOKE_PROJECT, ctx -> new OffhoursSpoke("offhours", OffhoursSpokeArgs.of(settings)));
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
    }

    @Test
    void threeAccountsYieldThreeSpokeRolesEachThroughItsOwnAccountsProvider() {
        List<MockedStack.Declared> roles = spokeRoles();
        assertThat(roles).hasSize(3);
        assertThat(roles).extracting(MockedStack.Declared::providerName).containsExactlyInAnyOrder(
                "aws-dev-payments-eu-central-1", "aws-dev-data-eu-central-1", "aws-ci-munich-us-east-1");
    }

    @Test
    void everyResourceAndProviderIsAChildOfTheSpokeComponent() {
        assertThat(run.ofType(OffhoursSpoke.TYPE)).hasSize(1);
        assertThat(spokeRoles()).allSatisfy(role -> assertThat(role.provider())
                .contains("$" + OffhoursSpoke.TYPE + "$pulumi:providers:aws::"));
    }

    @Test
    void eachProviderAssumesTheBootstrapRoleOfItsAccountAndAllowsOnlyThatAccount() {
        List<MockedStack.Declared> providers = run.ofType("pulumi:providers:aws");
        assertThat(providers).hasSize(4);
        for (MockedStack.Declared provider : providers) {
            String account = provider.inputs().get("allowedAccountIds").toString().replaceAll("[^0-9]", "");
            assertThat(account).hasSize(12);
            assertThat(provider.string("assumeRole")).contains("arn:aws:iam::" + account
                    + ":role/OrganizationAccountAccessRole");
            assertThat(provider.name()).endsWith("-" + provider.string("region"));
        }
    }

    @Test
    void everyRegionGetsOneRuleSetWithTheSharedPatterns() {
        List<MockedStack.Declared> rules = run.ofType("aws:cloudwatch/eventRule:EventRule");
        Map<String, List<String>> patternsByRegionProvider = rules.stream().collect(Collectors.groupingBy(
                MockedStack.Declared::providerName, Collectors.mapping(r -> r.string("eventPattern"), Collectors.toList())));
        List<String> shared = SpokeEventPatterns.all().stream().map(SpokeEventPatterns.Pattern::json).toList();
        assertThat(patternsByRegionProvider).containsOnlyKeys("aws-dev-payments-eu-central-1",
                "aws-dev-data-eu-central-1", "aws-dev-data-eu-west-1", "aws-ci-munich-us-east-1");
        patternsByRegionProvider.values().forEach(patterns -> assertThat(patterns).containsExactlyInAnyOrderElementsOf(shared));
    }

    @Test
    void everyRuleForwardsToTheHubBusWithItsAccountsForwardingRole() {
        List<MockedStack.Declared> targets = run.ofType("aws:cloudwatch/eventTarget:EventTarget");
        assertThat(targets).hasSize(4 * SpokeEventPatterns.all().size());
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.string("arn")).isEqualTo(HUB_BUS);
            assertThat(t.string("roleArn")).isEqualTo(MockedStack.arn("aws:iam/role:Role", "offhours-events-to-hub"));
        });
        for (MockedStack.Declared policy : rolePolicies("offhours-events-to-hub")) {
            JsonNode statements = policy.json("policy").get("Statement");
            assertThat(statements).hasSize(1);
            assertThat(statements.get(0).get("Action").toString()).isEqualTo("[\"events:PutEvents\"]");
            assertThat(statements.get(0).get("Resource").asText()).isEqualTo(HUB_BUS);
        }
    }

    @Test
    void theTrustPolicyNamesOnlyTheHubRoleAndRequiresTheExternalId() {
        for (MockedStack.Declared role : spokeRoles()) {
            JsonNode statements = role.json("assumeRolePolicy").get("Statement");
            assertThat(statements).hasSize(1);
            JsonNode statement = statements.get(0);
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRole");
            assertThat(statement.get("Principal").toString()).isEqualTo("{\"AWS\":\"" + HUB_ROLE + "\"}");
            assertThat(statement.get("Condition").toString())
                    .isEqualTo("{\"StringEquals\":{\"sts:ExternalId\":\"" + EXTERNAL_ID + "\"}}");
        }
    }

    @Test
    void noMutatingActionIsGrantedWithoutTheOptInTagCondition() {
        for (MockedStack.Declared policy : rolePolicies("offhours-spoke")) {
            List<String> granted = new ArrayList<>();
            for (JsonNode statement : policy.json("policy").get("Statement")) {
                if (statement.get("Effect").asText().equals("Deny")) {
                    continue; // grants nothing
                }
                for (JsonNode action : statement.get("Action")) {
                    String name = action.asText();
                    boolean readOnly = name.matches("[a-z0-9]+:(Describe|List|Get)[A-Za-z]+");
                    if (!readOnly) {
                        granted.add(name);
                        assertThat(statement.at("/Condition/Null/aws:ResourceTag~1offhours.dev~1schedule").asText())
                                .as(name + " in " + statement.get("Sid")).isEqualTo("false");
                        assertThat(statement.get("Resource").asText()).as(name).isNotEqualTo("*")
                                .contains(":" + ACCOUNT_BY_ALIAS.get(policy.name().split("-")[1] + "-"
                                        + policy.name().split("-")[2]) + ":");
                    }
                    assertThat(name).as("no wildcard actions").doesNotContain("*");
                }
            }
            assertThat(granted).containsExactlyInAnyOrderElementsOf(MUTATING);
        }
    }

    @Test
    void theRoleMayReadWhatTheQuotaPreflightNeedsAndOnlyItsOwnEc2Quotas() {
        for (MockedStack.Declared policy : rolePolicies("offhours-spoke")) {
            String account = ACCOUNT_BY_ALIAS.get(policy.name().split("-")[1] + "-" + policy.name().split("-")[2]);
            Map<String, String> resourceByAction = new java.util.HashMap<>();
            for (JsonNode statement : policy.json("policy").get("Statement")) {
                if (statement.get("Effect").asText().equals("Allow")) {
                    statement.get("Action").forEach(a -> resourceByAction.put(a.asText(),
                            statement.get("Resource").isArray() ? statement.get("Resource").get(0).asText()
                                    : statement.get("Resource").asText()));
                }
            }
            assertThat(resourceByAction).as(policy.name())
                    .containsEntry("ec2:DescribeInstanceTypes", "*")
                    .containsEntry("ec2:DescribeLaunchTemplateVersions", "*")
                    .containsEntry("autoscaling:DescribeLaunchConfigurations", "*")
                    .containsEntry("cloudwatch:GetMetricData", "*")
                    .containsEntry("servicequotas:GetServiceQuota", "arn:aws:servicequotas:*:" + account + ":ec2/*");
        }
    }

    @Test
    void updateAutoScalingGroupMayOnlyResizeWhereIamHasConditionKeys() {
        for (MockedStack.Declared policy : rolePolicies("offhours-spoke")) {
            List<String> denied = new ArrayList<>();
            for (JsonNode statement : policy.json("policy").get("Statement")) {
                if (statement.get("Effect").asText().equals("Deny")) {
                    assertThat(statement.get("Action").toString()).isEqualTo("[\"autoscaling:UpdateAutoScalingGroup\"]");
                    assertThat(statement.get("Resource").asText()).contains(":autoScalingGroup:");
                    JsonNode isSet = statement.at("/Condition/Null");
                    assertThat(isSet.size()).as("one key per statement, so that any key denies").isEqualTo(1);
                    isSet.fields().forEachRemaining(key -> {
                        assertThat(key.getValue().asText()).isEqualTo("false");
                        denied.add(key.getKey());
                    });
                }
            }
            assertThat(denied).containsExactlyInAnyOrder("autoscaling:LaunchConfigurationName",
                    "autoscaling:LaunchTemplateVersionSpecified", "autoscaling:VPCZoneIdentifiers",
                    "autoscaling:InstanceTypes");
        }
    }

    @Test
    void tagWritesAreLimitedToTheAwakeCapacityTagSoTheRoleCannotOptResourcesIn() {
        int tagStatements = 0;
        for (MockedStack.Declared policy : rolePolicies("offhours-spoke")) {
            for (JsonNode statement : policy.json("policy").get("Statement")) {
                String actions = statement.get("Action").toString();
                if (actions.contains("\"autoscaling:CreateOrUpdateTags\"") || actions.contains("\"eks:TagResource\"")) {
                    tagStatements++;
                    assertThat(statement.at("/Condition/ForAllValues:StringEquals/aws:TagKeys").toString())
                            .isEqualTo("[\"offhours.dev/awake-capacity\"]");
                    assertThat(statement.at("/Condition/Null/aws:TagKeys").asText()).isEqualTo("false");
                }
            }
        }
        assertThat(tagStatements).as("two tagging statements per account").isEqualTo(6);
    }

    @Test
    void anInvalidRegistryFailsWithTheReadersProblems() {
        assertThatThrownBy(() -> SpokeSettings.parseAccounts(ACCOUNTS.replace("alias: dev-data", "alias: dev-data\n      color: red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts.yaml is not valid");
    }

    @Test
    void theHubOutputsMustBeArns() {
        assertThatThrownBy(() -> new SpokeSettings(SpokeSettings.parseAccounts(ACCOUNTS), "offhours-hub", HUB_BUS,
                Output.ofSecret(EXTERNAL_ID), "offhours-spoke", "r", "offhours-", TrailSettings.existing()))
                .hasMessageContaining("hubRoleArn must be the hub role's ARN");
    }

    private static List<MockedStack.Declared> spokeRoles() {
        return run.ofType("aws:iam/role:Role").stream().filter(r -> "offhours-spoke".equals(r.string("name"))).toList();
    }

    private static List<MockedStack.Declared> rolePolicies(String name) {
        List<MockedStack.Declared> policies = run.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> name.equals(p.string("name"))).toList();
        assertThat(policies).hasSize(3);
        return policies;
    }
}
