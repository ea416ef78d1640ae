/**
 * Camera frames on their way from a sensor (a real camera's {@code sensor_msgs/Image}, or the simulator's renderer)
 * to the policy: an {@link org.gpsros.image.RgbFrame} is the common form, an {@link org.gpsros.image.ImagePreprocessor}
 * crops, resizes and normalises it into the observation's {@code RGB_IMAGE} slice (Levine et al. 2016, "End-to-End
 * Training of Deep Visuomotor Policies", §5 and Appendix A). The same code runs for simulated and real frames.
 * {@link org.gpsros.image.ImageDecoder} turns a {@code sensor_msgs/Image} payload (rgb8, bgr8, mono, Bayer, UYVY,
 * ...) into an {@code RgbFrame}; {@link org.gpsros.image.FeaturePointOverlay} draws a spatial-softmax network's feature
 * points on the frame it saw; {@link org.gpsros.image.PngFiles} reads and writes frames as PNG.
 * OpenCV (JavaCPP presets) does the pixel work.
 *
 * <p>The observation convention: {@code RGB_IMAGE} holds 3·H·W values in [0, 1], planar channel-major (all R, then
 * all G, then all B; each plane row-major from the top-left pixel), and it is the last sensor of an observation
 * layout, so the state-like entries before it are the ones the observation normaliser scales.
 */
package org.gpsros.image;
