"""CloudWatch over Smithy RPC v2 CBOR for moto: a WSGI wrapper around moto's application that turns a CBOR
request (POST /service/GraniteServiceVersion20100801/operation/<Operation>) into the JSON 1.0 request moto
serves, and moto's JSON answer into the CBOR answer the SDK reads (timestamps as CBOR tag 1, found through the
operation's output shape in botocore's model). Only what CloudWatch's operations use is encoded.
"""
import base64
import io
import json
import struct

_PREFIX = "/service/GraniteServiceVersion20100801/operation/"
_TARGET = "GraniteServiceVersion20100801."


class Tag:
    def __init__(self, tag, value):
        self.tag = tag
        self.value = value


def decode(data):
    value, end = _item(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes after the CBOR item")
    return value


def _length(data, pos, info):
    if info < 24:
        return info, pos
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        return None, pos  # indefinite length (31)
    return int.from_bytes(data[pos:pos + size], "big"), pos + size


def _item(data, pos):
    initial = data[pos]
    pos += 1
    major, info = initial >> 5, initial & 31
    if major == 7:
        if info == 20:
            return False, pos
        if info == 21:
            return True, pos
        if info in (22, 23):
            return None, pos
        if info == 25:
            return _half(data[pos:pos + 2]), pos + 2
        if info == 26:
            return struct.unpack(">f", data[pos:pos + 4])[0], pos + 4
        if info == 27:
            return struct.unpack(">d", data[pos:pos + 8])[0], pos + 8
        raise ValueError("unsupported CBOR simple value %d" % info)
    length, pos = _length(data, pos, info)
    if major == 0:
        return length, pos
    if major == 1:
        return -1 - length, pos
    if major in (2, 3):
        if length is None:
            chunks = []
            while data[pos] != 0xFF:
                chunk, pos = _item(data, pos)
                chunks.append(chunk)
            joined = (b"" if major == 2 else "").join(chunks)
            return joined, pos + 1
        raw = data[pos:pos + length]
        return (raw if major == 2 else raw.decode("utf-8")), pos + length
    if major == 4:
        items = []
        while (length is None and data[pos] != 0xFF) or (length is not None and len(items) < length):
            item, pos = _item(data, pos)
            items.append(item)
        return items, pos + (1 if length is None else 0)
    if major == 5:
        result = {}
        count = 0
        while (length is None and data[pos] != 0xFF) or (length is not None and count < length):
            key, pos = _item(data, pos)
            value, pos = _item(data, pos)
            result[key] = value
            count += 1
        return result, pos + (1 if length is None else 0)
    if major == 6:
        value, pos = _item(data, pos)
        return value, pos  # tag 1 (epoch seconds) is the only one CloudWatch sends: its number is what JSON wants
    raise ValueError("unsupported CBOR major type %d" % major)


def _half(raw):
    bits = int.from_bytes(raw, "big")
    sign = -1.0 if bits & 0x8000 else 1.0
    exponent = (bits >> 10) & 0x1F
    fraction = bits & 0x3FF
    if exponent == 0:
        return sign * fraction * 2 ** -24
    if exponent == 31:
        return sign * float("inf") if fraction == 0 else float("nan")
    return sign * (1 + fraction / 1024.0) * 2 ** (exponent - 15)


def encode(value):
    out = io.BytesIO()
    _write(out, value)
    return out.getvalue()


def _head(out, major, length):
    if length < 24:
        out.write(bytes([(major << 5) | length]))
    elif length < 256:
        out.write(bytes([(major << 5) | 24, length]))
    elif length < 65536:
        out.write(bytes([(major << 5) | 25]) + length.to_bytes(2, "big"))
    elif length < 2 ** 32:
        out.write(bytes([(major << 5) | 26]) + length.to_bytes(4, "big"))
    else:
        out.write(bytes([(major << 5) | 27]) + length.to_bytes(8, "big"))


def _write(out, value):
    if value is None:
        out.write(b"\xf6")
    elif value is True:
        out.write(b"\xf5")
    elif value is False:
        out.write(b"\xf4")
    elif isinstance(value, Tag):
        _head(out, 6, value.tag)
        _write(out, value.value)
    elif isinstance(value, int):
        if value >= 0:
            _head(out, 0, value)
        else:
            _head(out, 1, -1 - value)
    elif isinstance(value, float):
        out.write(b"\xfb" + struct.pack(">d", value))
    elif isinstance(value, bytes):
        _head(out, 2, len(value))
        out.write(value)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _head(out, 3, len(raw))
        out.write(raw)
    elif isinstance(value, (list, tuple)):
        _head(out, 4, len(value))
        for item in value:
            _write(out, item)
    elif isinstance(value, dict):
        _head(out, 5, len(value))
        for key, item in value.items():
            _write(out, key)
            _write(out, item)
    else:
        raise TypeError("cannot encode %r as CBOR" % type(value))


def _to_json(value):
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


def _timestamps(value, shape):
    """Wraps the timestamps of a JSON answer (epoch seconds) in CBOR tag 1, as the output shape says."""
    if shape is None or value is None:
        return value
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        return {k: _timestamps(v, shape.members.get(k)) for k, v in value.items()}
    if kind == "list" and isinstance(value, list):
        return [_timestamps(v, shape.member) for v in value]
    if kind == "map" and isinstance(value, dict):
        return {k: _timestamps(v, shape.value) for k, v in value.items()}
    if kind == "timestamp" and isinstance(value, (int, float)):
        return Tag(1, float(value))
    if kind == "double" and isinstance(value, int):
        return float(value)
    return value


def install():
    import botocore.session
    from moto.moto_server import werkzeug_app

    model = botocore.session.get_session().get_service_model("cloudwatch")
    original = werkzeug_app.DomainDispatcherApplication.__call__

    def call(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not path.startswith(_PREFIX):
            return original(self, environ, start_response)
        operation = path[len(_PREFIX):]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        request = decode(body) if body else {}
        payload = json.dumps(_to_json(request)).encode("utf-8")
        environ["PATH_INFO"] = "/"
        environ["CONTENT_TYPE"] = "application/x-amz-json-1.0"
        environ["HTTP_X_AMZ_TARGET"] = _TARGET + operation
        environ["CONTENT_LENGTH"] = str(len(payload))
        environ["wsgi.input"] = io.BytesIO(payload)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"] = status
            captured["headers"] = headers
            return lambda chunk: None

        answer = b"".join(original(self, environ, capture))
        parsed = json.loads(answer) if answer.strip() else {}
        if captured["status"].startswith("2"):
            parsed = _timestamps(parsed, model.operation_model(operation).output_shape)
        elif isinstance(parsed, dict) and "__type" in parsed:
            parsed["__type"] = parsed["__type"].split("#")[-1]
        cbor = encode(parsed)
        headers = [(k, v) for k, v in captured["headers"]
                   if k.lower() not in ("content-type", "content-length", "x-amz-crc32")]
        headers += [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"),
                    ("Content-Length", str(len(cbor)))]
        start_response(captured["status"], headers)
        return [cbor]

    werkzeug_app.DomainDispatcherApplication.__call__ = call
