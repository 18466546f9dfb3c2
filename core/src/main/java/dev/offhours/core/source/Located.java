package dev.offhours.core.source;

import org.yaml.snakeyaml.nodes.Node;

/** A value read from a file together with the node it came from, for messages found later (cross-file checks). */
record Located<T>(T value, Node node) {
}
