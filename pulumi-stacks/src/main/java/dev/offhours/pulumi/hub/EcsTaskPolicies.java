package dev.offhours.pulumi.hub;

import dev.offhours.pulumi.PolicyJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECS execution role's documents: ECS (on behalf of this account's tasks only) may pull the image, read
 * exactly the service's secrets and write to its log group. The hub role (the task role) gets none of this.
 */
public final class EcsTaskPolicies {

    private EcsTaskPolicies() {
    }

    /** @param stackArn any ARN of the hub stack, for its partition, region and account */
    static String executionTrust(String stackArn) {
        String[] arn = stackArn.split(":", 6);
        Map<String, Object> statement = PolicyJson.trust("EcsTasksOfThisAccount",
                Map.of("Service", "ecs-tasks.amazonaws.com"));
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", arn[4]));
        condition.put("ArnLike", Map.of("aws:SourceArn", "arn:" + arn[1] + ":ecs:" + arn[3] + ":" + arn[4] + ":*"));
        statement.put("Condition", condition);
        return PolicyJson.document(List.of(statement));
    }

    static String execution(EcsServiceSettings service, String logGroupArn) {
        List<Map<String, Object>> statements = new ArrayList<>();
        List<String> parameters = service.secrets().all().stream().filter(s -> !s.inSecretsManager())
                .map(EcsServiceSettings.SecretRef::arn).toList();
        List<String> secrets = service.secrets().all().stream().filter(EcsServiceSettings.SecretRef::inSecretsManager)
                .map(EcsServiceSettings.SecretRef::arn).toList();
        if (!parameters.isEmpty()) {
            statements.add(PolicyJson.allow("ServiceParameters", List.of("ssm:GetParameters"), parameters));
        }
        if (!secrets.isEmpty()) {
            statements.add(PolicyJson.allow("ServiceSecrets", List.of("secretsmanager:GetSecretValue"), secrets));
        }
        String streams = logGroupArn.endsWith(":*") ? logGroupArn : logGroupArn + ":*";
        statements.add(PolicyJson.allow("ServiceLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(streams)));
        service.ecrRepository().ifPresent(repository -> {
            // the authorization token is account-wide by AWS's design; the layers only from the one repository
            statements.add(PolicyJson.allow("EcrLogin", List.of("ecr:GetAuthorizationToken"), List.of("*")));
            statements.add(PolicyJson.allow("PullTheImage", List.of("ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"), List.of(repository.arn())));
        });
        return PolicyJson.document(statements);
    }
}
