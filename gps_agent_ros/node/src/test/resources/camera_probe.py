#!/usr/bin/python3
"""Receives one sensor_msgs/Image with rospy and prints what a Python ROS node sees of it:
PROBE encoding width height step is_bigendian len(data) frame_id r,g,b-of-pixel-(0,0) sum-of-data-bytes"""
import sys
import rospy
from sensor_msgs.msg import Image

topic = sys.argv[1]
rospy.init_node("camera_probe", anonymous=True)
message = rospy.wait_for_message(topic, Image, timeout=60)
data = bytes(message.data)
print("PROBE %s %d %d %d %d %d %s %d,%d,%d %d" % (message.encoding, message.width, message.height, message.step,
      message.is_bigendian, len(data), message.header.frame_id, data[0], data[1], data[2], sum(data)), flush=True)
