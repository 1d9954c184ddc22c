package io.ctipipe.mapper.pattern;

/**
 * A node of a STIX 2.1 pattern at the observation level: one bracketed observation, two of them
 * joined by AND, OR or FOLLOWEDBY, or one qualified by WITHIN, REPEATS or START/STOP. A parsed
 * pattern is one of these; parentheses are not nodes, they only shape the tree.
 */
public sealed interface ObservationExpression
        permits Observation, ObservationCompound, QualifiedObservation {}
