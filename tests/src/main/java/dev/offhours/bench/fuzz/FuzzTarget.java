package dev.offhours.bench.fuzz;

import java.util.List;

/**
 * One surface that takes hostile input. {@link #exercise(String)} returns when the input got a clean answer (a
 * problem list, a 4xx, a documented refusal) and throws otherwise: an exception escaping, or an
 * {@link AssertionError} for an answer that breaks the property (a 5xx).
 */
public interface FuzzTarget {

    String name();

    /** Valid and near-valid inputs the mutations start from. */
    List<String> seeds();

    void exercise(String input) throws Exception;
}
