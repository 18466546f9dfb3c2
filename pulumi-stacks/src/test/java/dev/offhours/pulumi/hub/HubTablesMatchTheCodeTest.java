package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offhours.pulumi.MockedStack;
import dev.offhours.testsupport.MotoExtension;
import dev.offhours.testsupport.MotoServer;
import dev.offhours.store.dynamodb.HubTableDefinitions;
import dev.offhours.store.dynamodb.HubTableDefinitions.TableNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The strongest form of "the stack equals the code": the tables the code really creates (HubTableDefinitions
 * .createAll, against moto) have the same keys, indexes and TTL as the tables the hub stack declares. TTL matters
 * here because it is a separate DynamoDB call the CreateTableRequests cannot show.
 */
@ExtendWith(MotoExtension.class)
class HubTablesMatchTheCodeTest {

    private static final TableNames NAMES = TableNames.withPrefix("offhours-");

    @Test
    void declaredTablesEqualTheTablesTheCodeCreates(MotoServer moto) {
        MockedStack.Run run = HubFixtures.run(HubFixtures.organizationConfig());
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        try (DynamoDbClient dynamo = moto.client(DynamoDbClient.builder())) {
            HubTableDefinitions.createAll(dynamo, NAMES);
            for (String name : List.of(NAMES.operations(), NAMES.inventory(), NAMES.control())) {
                MockedStack.Declared declared = run.withInput("aws:dynamodb/table:Table", "name", name);
                TableDescription created = dynamo.describeTable(b -> b.tableName(name)).table();
                assertThat(declared.string("hashKey")).as(name).isEqualTo(key(created.keySchema(), KeyType.HASH));
                assertThat(declared.string("rangeKey")).as(name).isEqualTo(key(created.keySchema(), KeyType.RANGE));
                assertThat(declaredIndexes(declared)).as(name).isEqualTo(createdIndexes(created));
                assertThat(declaredTtl(declared)).as(name).isEqualTo(createdTtl(dynamo, name));
            }
        }
    }

    private static String key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream().filter(k -> k.keyType() == type).map(KeySchemaElement::attributeName).findFirst()
                .orElse(null);
    }

    private static TreeSet<String> declaredIndexes(MockedStack.Declared table) {
        TreeSet<String> indexes = new TreeSet<>();
        Object declared = table.inputs().get("globalSecondaryIndexes");
        if (declared != null) {
            ((List<?>) declared).forEach(i -> {
                Map<?, ?> gsi = (Map<?, ?>) i;
                indexes.add(gsi.get("name") + "(" + gsi.get("hashKey") + "," + gsi.get("rangeKey") + ")");
            });
        }
        return indexes;
    }

    private static TreeSet<String> createdIndexes(TableDescription table) {
        TreeSet<String> indexes = new TreeSet<>();
        table.globalSecondaryIndexes().forEach(gsi -> indexes.add(gsi.indexName() + "("
                + key(gsi.keySchema(), KeyType.HASH) + "," + key(gsi.keySchema(), KeyType.RANGE) + ")"));
        return indexes;
    }

    private static Optional<String> declaredTtl(MockedStack.Declared table) {
        Map<String, Object> ttl = table.map("ttl");
        return ttl != null && Boolean.TRUE.equals(ttl.get("enabled"))
                ? Optional.of(String.valueOf(ttl.get("attributeName"))) : Optional.empty();
    }

    private static Optional<String> createdTtl(DynamoDbClient dynamo, String table) {
        var description = dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        return description.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                ? Optional.of(description.attributeName()) : Optional.empty();
    }
}
