package io.ctipipe.sink.internals;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A record on its way to the dead-letter topic: the original, why, and what is written. */
public record DeadLetter(
        ConsumerRecord<byte[], byte[]> original,
        DeadLetterReason reason,
        ProducerRecord<byte[], byte[]> record) {}
