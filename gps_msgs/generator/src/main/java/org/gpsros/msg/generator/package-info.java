/**
 * Build-time generator of Java message classes from ROS 1 {@code .msg}/{@code .srv} files (JDK only, no ROS needed).
 *
 * <p>{@link org.gpsros.msg.generator.MsgParser} reads a definition exactly as genmsg 0.6 does
 * ({@code genmsg/msg_loader.py}); {@link org.gpsros.msg.generator.MsgContext} resolves the types of a set of
 * packages and computes genmsg's md5 text, md5 sum and full definition text ({@code genmsg/gentools.py};
 * rules summarised in shared/reference/ros1-on-debian.md §4 "md5 / message_definition rules");
 * {@link org.gpsros.msg.generator.JavaEmitter} writes one Java record per message (with its codec for the
 * TCPROS wire format, ROS wiki "msg" / "Serialization") and one descriptor class per service;
 * {@link org.gpsros.msg.generator.Generator} is the command-line entry point that Maven runs in
 * {@code generate-sources}.
 */
package org.gpsros.msg.generator;
