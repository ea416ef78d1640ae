#!/usr/bin/python3
"""A rospy node for the interop tests: provides /py_trigger (std_srvs/Trigger, answers "reset #N"),
/py_fail (std_srvs/Trigger, always raises) and /py_reset (gps_msgs/ResetCondition, negative conditions raise).
Prints "ready" once all three are registered; exits on SIGTERM/SIGINT."""
import rospy
from std_srvs.srv import Trigger, TriggerResponse
from gps_msgs.srv import ResetCondition, ResetConditionResponse

calls = [0]

def trigger(_req):
    calls[0] += 1
    return TriggerResponse(success=True, message='reset #%d' % calls[0])

def fail(_req):
    raise rospy.ServiceException('py_fail always fails')

def reset(req):
    if req.condition < 0:
        raise rospy.ServiceException('condition must be >= 0, got %d' % req.condition)
    return ResetConditionResponse(success=True, message='reset to condition %d' % req.condition)

rospy.init_node('py_services', disable_signals=False)
rospy.Service('/py_trigger', Trigger, trigger)
rospy.Service('/py_fail', Trigger, fail)
rospy.Service('/py_reset', ResetCondition, reset)
print('ready', flush=True)
rospy.spin()
