/**
 * A small headless software renderer for the simulated cameras of the visuomotor tasks (issue 5; Levine et al. 2016,
 * "End-to-End Training of Deep Visuomotor Policies", §5: the policy sees RGB frames of the scene). No OpenGL: triangle
 * meshes of boxes, cylinders, capsules and spheres ({@link org.gpsros.sim.render.Mesh}) placed in a
 * {@link org.gpsros.sim.render.Scene}, seen through a pinhole or orthographic {@link org.gpsros.sim.render.Camera}, drawn
 * by {@link org.gpsros.sim.render.Renderer} with a z-buffer, flat Lambert + ambient shading and 2×2 supersampling into
 * an {@link org.gpsros.image.RgbFrame}.
 */
package org.gpsros.sim.render;
