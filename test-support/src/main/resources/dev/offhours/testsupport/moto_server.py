"""Starts moto's server (same arguments as `python3 -m moto.server`) with DynamoDB made as strict as AWS
where offhours relies on it.

DynamoDB applies a conditional write atomically: of two racing writes conditioned on the same attribute,
one fails. moto evaluates the condition and applies the write in separate steps without a lock, while
its server answers requests on several threads, so under load both racing writes can succeed. Every
DynamoDB backend call runs under one lock here, which makes each request atomic, as in AWS.

CloudWatch: the AWS SDK for Java speaks Smithy RPC v2 CBOR to it, which moto does not understand (it serves
CloudWatch's JSON 1.0 and Query protocols). `cloudwatch_cbor` translates such requests to JSON 1.0 on their way
in and the answers back to CBOR on their way out, so tests exercise moto's CloudWatch with the real client.
"""
import functools
import sys
import threading

from moto.dynamodb.models import DynamoDBBackend

_ONE_REQUEST_AT_A_TIME = threading.RLock()

_ITEM_CALLS = (
    "get_item", "batch_get_item", "query", "scan",
    "put_item", "update_item", "delete_item", "batch_write_item",
    "transact_get_items", "transact_write_items",
    "execute_statement", "batch_execute_statement", "execute_transaction",
)


def _atomic(call):
    @functools.wraps(call)
    def under_lock(*args, **kwargs):
        with _ONE_REQUEST_AT_A_TIME:
            return call(*args, **kwargs)
    return under_lock


for _name in _ITEM_CALLS:
    setattr(DynamoDBBackend, _name, _atomic(getattr(DynamoDBBackend, _name)))

if __name__ == "__main__":
    import os
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import cloudwatch_cbor
    cloudwatch_cbor.install()
    from moto.server import main
    main(sys.argv[1:])
