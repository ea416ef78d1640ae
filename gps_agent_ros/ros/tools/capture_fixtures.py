#!/usr/bin/python3
"""Captures real ROS 1 wire bytes as test fixtures for gps-ros's codecs (XML-RPC bodies and TCPROS headers).

Starts a loopback rosmaster, plays a minimal node with the Python standard library (an XML-RPC slave API and a
TCPROS socket that record what arrives), and lets Debian's own tools talk to it:
  rostopic echo (rospy subscriber), rosbag record (roscpp subscriber), rosservice info (probe) and call.
Writes the files into the folder given as argument (default: src/test/resources/fixtures next to this script).

usage: /usr/bin/python3 tools/capture_fixtures.py [OUT_DIR]     (needs rosmaster, rostopic, rosbag, rosservice)
"""
import os, socket, struct, subprocess, sys, tempfile, threading, time, http.client, xmlrpc.client
from http.server import BaseHTTPRequestHandler, HTTPServer

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                          '..', 'src', 'test', 'resources', 'fixtures')
os.makedirs(OUT, exist_ok=True)
F64_MD5 = 'fdb28210bfa9d7c91146260178d9a584'
TRIGGER_MD5 = '937c9679a518e3a18d831e57125ea522'

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p

def save(name, data):
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(data)
    print('wrote', name, len(data), 'bytes')

def header(fields):
    body = b''.join(struct.pack('<I', len(f)) + f for f in (('%s=%s' % kv).encode() for kv in fields))
    return struct.pack('<I', len(body)) + body

def read_exact(s, n):
    b = b''
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise EOFError
        b += c
    return b

def read_header_raw(s):
    n = struct.unpack('<I', read_exact(s, 4))[0]
    raw = struct.pack('<I', n) + read_exact(s, n)
    d, i = {}, 4
    while i < len(raw):
        fl = struct.unpack_from('<I', raw, i)[0]
        k, _, v = raw[i + 4:i + 4 + fl].decode().partition('=')
        d[k] = v; i += 4 + fl
    return raw, d

tmp = tempfile.mkdtemp()
port = free_port()
master = 'http://127.0.0.1:%d' % port
env = dict(os.environ, ROS_MASTER_URI=master, ROS_IP='127.0.0.1', ROS_HOME=tmp, ROS_LOG_DIR=tmp + '/log')
env.pop('ROS_HOSTNAME', None)
mproc = subprocess.Popen(['setsid', 'rosmaster', '--core', '-p', str(port)], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
m = xmlrpc.client.ServerProxy(master)
for _ in range(200):
    try:
        m.getSystemState('/probe'); break
    except OSError:
        time.sleep(0.05)

captured = {}
tcp = socket.socket(); tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); tcp.bind(('127.0.0.1', 0)); tcp.listen(8)
tcp_port = tcp.getsockname()[1]

class Slave(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers['Content-Length']))
        call = xmlrpc.client.loads(body)
        params, method = call
        captured.setdefault(method + ':' + params[0], body)
        if method == 'requestTopic':
            result = [1, 'ready', ['TCPROS', '127.0.0.1', tcp_port]]
        elif method == 'getPid':
            result = [1, '', os.getpid()]
        else:
            result = [1, '', 0]
        out = xmlrpc.client.dumps((result,), methodresponse=True).encode()
        self.send_response(200); self.send_header('Content-Type', 'text/xml'); self.send_header('Content-Length', str(len(out)))
        self.end_headers(); self.wfile.write(out)

slave = HTTPServer(('127.0.0.1', 0), Slave)
threading.Thread(target=slave.serve_forever, daemon=True).start()
api = 'http://127.0.0.1:%d/' % slave.server_address[1]

def serve_tcp():
    while True:
        c, _ = tcp.accept()
        raw, h = read_header_raw(c)
        who = h.get('callerid', '?')
        if 'service' in h:
            kind = 'probe' if h.get('probe') == '1' else 'call'
            captured['tcpros_service_%s_header' % kind] = raw
            c.sendall(header([('callerid', '/fixture'), ('service', h['service']), ('md5sum', TRIGGER_MD5),
                              ('type', 'std_srvs/Trigger'), ('request_type', 'std_srvs/TriggerRequest'),
                              ('response_type', 'std_srvs/TriggerResponse')]))
            if kind == 'call':
                read_exact(c, struct.unpack('<I', read_exact(c, 4))[0])
                body = b'\x01' + struct.pack('<I', 2) + b'ok'
                c.sendall(struct.pack('<BI', 1, len(body)) + body)
            c.close()
        else:
            kind = 'roscpp' if 'message_definition' not in h else 'rospy'
            captured['tcpros_%s_subscriber_header' % kind] = raw
            c.sendall(header([('callerid', '/fixture'), ('topic', h['topic']), ('md5sum', F64_MD5),
                              ('type', 'std_msgs/Float64'), ('message_definition', 'float64 data\n'), ('latching', '0')]))
            c.sendall(struct.pack('<I', 8) + struct.pack('<d', 3.25))
            threading.Timer(3, c.close).start()

threading.Thread(target=serve_tcp, daemon=True).start()
m.registerPublisher('/fixture', '/fixture_f64', 'std_msgs/Float64', api)
m.registerService('/fixture', '/fixture_srv', 'rosrpc://127.0.0.1:%d' % tcp_port, api)

subprocess.run(['rostopic', 'echo', '-n', '1', '/fixture_f64'], env=env, timeout=20, capture_output=True)
bag = os.path.join(tmp, 'f.bag')
rec = subprocess.Popen(['rosbag', 'record', '-O', bag, '/fixture_f64'], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(100):
    if 'tcpros_roscpp_subscriber_header' in captured:
        break
    time.sleep(0.1)
# a roscpp node's slave API answers with untyped strings: ask rosbag record for its subscriptions
state = m.getSystemState('/fixture')[2]
recorder = [n for t, ns in state[1] if t == '/fixture_f64' for n in ns if n != '/rostopic']
if recorder:
    uri = m.lookupNode('/fixture', recorder[0])[2]
    host, p = uri[len('http://'):].rstrip('/').split(':')
    conn = http.client.HTTPConnection(host, int(p))
    body = xmlrpc.client.dumps(('/fixture',), 'getSubscriptions').encode()
    conn.request('POST', '/', body, {'Content-Type': 'text/xml'})
    captured['roscpp_getSubscriptions_response'] = conn.getresponse().read()
rec.terminate(); rec.wait(10)
subprocess.run(['rosservice', 'info', '/fixture_srv'], env=env, timeout=20, capture_output=True)
subprocess.run(['rosservice', 'call', '/fixture_srv', '{}'], env=env, timeout=20, capture_output=True)
# the master's own (rospy) reply, typed values
conn = http.client.HTTPConnection('127.0.0.1', port)
conn.request('POST', '/', xmlrpc.client.dumps(('/fixture',), 'getSystemState').encode(), {'Content-Type': 'text/xml'})
captured['rosmaster_getSystemState_response'] = conn.getresponse().read()
mproc.terminate(); mproc.wait(10)

names = {'requestTopic:/rostopic': None}
for key, data in sorted(captured.items()):
    if key.startswith('requestTopic:'):
        caller = key.split(':', 1)[1]
        kind = 'rospy' if caller.startswith('/rostopic') else 'roscpp'
        save('%s_requestTopic_call.xml' % kind, data)
    elif key.startswith('tcpros_') or key.endswith('_response'):
        save(key + ('.bin' if key.startswith('tcpros_') else '.xml'), data)
