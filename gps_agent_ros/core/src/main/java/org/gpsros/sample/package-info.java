/**
 * Samples: trajectories of sensor data, actions and recorded exploration noise, and how sensors pack into
 * states and observations (reference: {@code gps/sample}, {@code SampleType} in {@code gps.proto}).
 */
package org.gpsros.sample;
