#!/usr/bin/python3
"""Write the test expectations of gps_msgs from ROS's own tools (run by hand, not by the build).

Uses Debian's python3-genmsg 0.6 (md5 sums, md5 texts, full definition texts) and python3-genpy 0.6 (serialised
bytes) on OUR .msg/.srv files, and cross-checks the md5 sums of our hand-written standard definitions against
Debian's originals (/usr/share/{std_msgs,sensor_msgs,std_srvs}, packages ros-std-msgs, ros-sensor-msgs,
ros-std-srvs). Must run with /usr/bin/python3 (genmsg/genpy live in /usr/lib/python3/dist-packages):

  apt-get install -y --no-install-recommends python3-genmsg python3-genpy ros-std-msgs ros-sensor-msgs ros-std-srvs
  /usr/bin/python3 gps_msgs/tools/genmsg_expectations.py

Writes gps_msgs/src/test/resources/genmsg/: md5.txt ("type md5" per line), fulltext/<pkg>__<Type>.txt,
md5text/<pkg>__<Type>.txt, genpy-vectors.txt ("name hex" per line) and system-std-md5.txt.
"""
import importlib, os, subprocess, sys, tempfile
import genmsg, genmsg.msg_loader as ml, genmsg.gentools as gt

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)                       # gps_msgs/
OUT = os.path.join(ROOT, 'src', 'test', 'resources', 'genmsg')
PACKAGES = {                                       # ROS package -> folder holding msg/ and srv/
    'gps_msgs': ROOT,
    'std_msgs': os.path.join(ROOT, 'std', 'std_msgs'),
    'sensor_msgs': os.path.join(ROOT, 'std', 'sensor_msgs'),
    'std_srvs': os.path.join(ROOT, 'std', 'std_srvs'),
    'gps_test_msgs': os.path.join(ROOT, 'src', 'test', 'msg', 'gps_test_msgs'),
}
SYSTEM = {p: '/usr/share/' + p for p in ('std_msgs', 'sensor_msgs', 'std_srvs')}


def search_path(packages):
    return {p: [os.path.join(d, 'msg'), os.path.join(d, 'srv')] for p, d in packages.items()}


def types_of(pkgdir, kind):
    d = os.path.join(pkgdir, kind)
    return sorted(f[:-4] for f in os.listdir(d) if f.endswith('.' + kind)) if os.path.isdir(d) else []


def compute(packages, wanted=None):
    """-> list of (type, md5, md5text or None, fulltext or None) for every msg, srv request/response and srv
    (only those named in wanted, if given)."""
    search = search_path(packages)
    ctx = genmsg.MsgContext.create_default()
    rows = []
    for pkg, pkgdir in sorted(packages.items()):
        for name in types_of(pkgdir, 'msg'):
            t = pkg + '/' + name
            if wanted is not None and t not in wanted:
                continue
            spec = ml.load_msg_by_type(ctx, t, search)
            ml.load_depends(ctx, spec, search)
            rows.append((t, gt.compute_md5(ctx, spec), gt.compute_md5_text(ctx, spec), gt.compute_full_text(ctx, spec)))
        for name in types_of(pkgdir, 'srv'):
            t = pkg + '/' + name
            if wanted is not None and t not in wanted:
                continue
            spec = ml.load_srv_by_type(ctx, t, search)
            ml.load_depends(ctx, spec, search)
            for part, sub in (('Request', spec.request), ('Response', spec.response)):
                rows.append((t + part, gt.compute_md5(ctx, sub), gt.compute_md5_text(ctx, sub),
                             gt.compute_full_text(ctx, sub)))
            rows.append((t, gt.compute_md5(ctx, spec), None, None))
    return rows


def write_text_tables(rows):
    for sub in ('fulltext', 'md5text'):
        os.makedirs(os.path.join(OUT, sub), exist_ok=True)
    with open(os.path.join(OUT, 'md5.txt'), 'w') as f:
        f.write('# ROS type and md5 sum, computed by python3-genmsg %s (genmsg.gentools.compute_md5) from our files\n'
                % genmsg_version())
        for t, md5, _, _ in rows:
            f.write('%s %s\n' % (t, md5))
    for t, _, text, full in rows:
        base = t.replace('/', '__') + '.txt'
        if text is not None:
            with open(os.path.join(OUT, 'md5text', base), 'w', newline='') as f:
                f.write(text)
        if full is not None:
            with open(os.path.join(OUT, 'fulltext', base), 'w', newline='') as f:
                f.write(full)


def genmsg_version():
    out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'python3-genmsg'], capture_output=True, text=True)
    return out.stdout.strip() or 'unknown'


def check_system_std(rows):
    """Our hand-written standard definitions must have the md5 sums of Debian's originals."""
    ours = {t: md5 for t, md5, _, _ in rows}
    system = compute(SYSTEM, wanted=set(ours))
    lines = []
    for t, md5, _, _ in system:
        if t in ours:
            status = 'same' if ours[t] == md5 else 'DIFFERENT'
            lines.append('%s %s %s' % (t, md5, status))
            if status != 'same':
                sys.exit('md5 of our %s (%s) differs from Debian\'s (%s)' % (t, ours[t], md5))
    with open(os.path.join(OUT, 'system-std-md5.txt'), 'w') as f:
        f.write('# md5 sums of the Debian originals (/usr/share/<pkg>) of the standard types we define ourselves\n')
        f.write('\n'.join(lines) + '\n')


def generate_python(tmp):
    inc = []
    for p, d in PACKAGES.items():
        inc += ['-I', '%s:%s' % (p, os.path.join(d, 'msg'))]
    for p, d in PACKAGES.items():
        os.makedirs(os.path.join(tmp, p), exist_ok=True)
        open(os.path.join(tmp, p, '__init__.py'), 'w').close()
        for kind, tool in (('msg', 'genmsg_py.py'), ('srv', 'gensrv_py.py')):
            files = [os.path.join(d, kind, n + '.' + kind) for n in types_of(d, kind)]
            if not files:
                continue
            out = os.path.join(tmp, p, kind)
            subprocess.run([sys.executable, '/usr/lib/genpy/' + tool, '-p', p, '-o', out] + inc + files, check=True)
            subprocess.run([sys.executable, '/usr/lib/genpy/' + tool, '--initpy', '-p', p, '-o', out], check=True)
    sys.path.insert(0, tmp)


def vectors():
    """Messages built with genpy; GenpyVectorTest builds the same values in Java and compares the bytes."""
    import genpy
    gm = importlib.import_module('gps_msgs.msg')
    gs = importlib.import_module('gps_msgs.srv')
    sm = importlib.import_module('std_msgs.msg')
    se = importlib.import_module('sensor_msgs.msg')
    ss = importlib.import_module('std_srvs.srv')
    tm = importlib.import_module('gps_test_msgs.msg')
    ts = importlib.import_module('gps_test_msgs.srv')
    T, D = genpy.Time, genpy.Duration
    out = []

    def add(name, msg):
        import io
        buf = io.BytesIO()
        msg.serialize(buf)
        out.append((name, buf.getvalue().hex()))

    add('TrainingStatus', gm.TrainingStatus(
        header=sm.Header(seq=3, stamp=T(1700000000, 250), frame_id='learner'), iteration=2,
        phase='trajectory_optimization', mean_cost=[1.5, -2.25], kl_step=[0.2, 0.4], eta=[1e-3, 12.5],
        policy_mean_cost=[]))
    add('NetworkPolicy', gm.NetworkPolicy(
        id=17, iteration=4, network_format='mlp', network=bytes([0, 1, 2, 255, 128]), observation_dim=3,
        action_dim=2, horizon=2, obs_datatypes=[1, 2, 3], normalized_dim=2, obs_scale=[1.0, 0.0, 0.0, 2.0],
        obs_bias=[0.5, -0.5], noise=[0.1, 0.2, 0.3, 0.4]))
    add('CommandError', gm.CommandError(id=9, command='TrialCommand', message='NetworkPolicy id 9: no network type \'cnn\''))
    add('RunConditionRequest', gs.RunConditionRequest(condition=1, sample_count=5, use_global_policy=True,
                                                      noisy=False))
    add('RunConditionResponse', gs.RunConditionResponse(success=True, message='took 5 samples',
                                                        sample_costs=[10.0, 11.5]))
    add('Image', se.Image(header=sm.Header(seq=1, stamp=T(5, 6), frame_id='camera'), height=2, width=3,
                          encoding='rgb8', is_bigendian=0, step=9, data=bytes(range(18))))
    add('JointState', se.JointState(header=sm.Header(seq=0, stamp=T(0, 0), frame_id=''), name=['shoulder', 'elbow'],
                                    position=[0.1, -0.2], velocity=[], effort=[1.0, 2.0]))
    add('Float64MultiArray', sm.Float64MultiArray(
        layout=sm.MultiArrayLayout(dim=[sm.MultiArrayDimension(label='rows', size=2, stride=6),
                                        sm.MultiArrayDimension(label='cols', size=3, stride=3)], data_offset=0),
        data=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
    add('String', sm.String(data='h\u00e9llo \u2713 \U0001F600'))
    add('Float64', sm.Float64(data=3.25))
    add('TriggerResponse', ss.TriggerResponse(success=False, message='not ready'))
    add('ResetConditionRequest', gs.ResetConditionRequest(condition=3))
    add('ResetConditionResponse', gs.ResetConditionResponse(success=True, message='ok'))
    prim = tm.Primitives(b=True, i8=-5, u8=250, by=-128, ch=200, i16=-30000, u16=65000, i32=-2000000000,
                         u32=4000000000, i64=-(2 ** 62), u64=2 ** 64 - 1, f32=1.25, f64=-3.5e100, s='prim',
                         t=T(4000000000, 999999999), d=D(-5, 500))
    add('Primitives', prim)
    arrays = tm.Arrays(
        b=[True, False, True], i8=[-1, 2], u8=bytes([0, 255]), ch=bytes([65, 66]), i16=[-2, 3], u16=[65535],
        i32=[-7], u32=[4294967295, 1], i64=[-(2 ** 63)], u64=[2 ** 63], f32=[0.5, -0.25], f64=[1e-300],
        s=['a', '', 'xyz'], t=[T(1, 2)], d=[D(-1, 999999999), D(3, 4)],
        fb=[False, True], fi8=[1, -2, 3], fu8=bytes([9, 8, 7, 200]), fi16=[-300], fu16=[1, 65534], fi32=[5, -6],
        fu32=[3000000000], fi64=[7, -8], fu64=[2 ** 64 - 2], ff32=[1.5, 2.5], ff64=[0.1, 0.2, 0.3], fs=['p', 'q'],
        ft=[T(9, 10)], fd=[D(11, 12), D(-13, 14)], empty_fixed=[])
    add('Arrays', arrays)
    p3 = tm.Point3
    add('Nested', tm.Nested(
        header=sm.Header(seq=7, stamp=T(8, 9), frame_id='base'), one=prim, many=[prim, tm.Primitives()],
        pair=[tm.Primitives(), prim], wrapped=sm.Float64(data=-1.0), points=[p3(1, 2, 3)],
        segment=[p3(4, 5, 6), p3(7, 8, 9)], nothing=tm.Nothing(), nothings=[tm.Nothing(), tm.Nothing()],
        three_nothings=[tm.Nothing()] * 3, arrays=tm.Arrays()))
    # positional: genpy itself renames the field 'class' (a Python keyword)
    add('Reserved', tm.Reserved(1, 2, 'three', 4, 5, 6, 7, 8, 9.5, -9.5))
    add('PathRequest', ts.PathRequest(start=p3(0, 0, 0), goal=p3(1, 1, 1)))
    add('PathResponse', ts.PathResponse(path=[p3(0, 0, 0), p3(0.5, 0.5, 0.5), p3(1, 1, 1)], note='straight'))
    with open(os.path.join(OUT, 'genpy-vectors.txt'), 'w') as f:
        f.write('# name hex: bytes serialised by python3-genpy from the values in GenpyVectorTest\n')
        for name, hexdata in out:
            f.write('%s %s\n' % (name, hexdata))


if __name__ == '__main__':
    rows = compute(PACKAGES)
    write_text_tables(rows)
    check_system_std(rows)
    with tempfile.TemporaryDirectory() as tmp:
        generate_python(tmp)
        vectors()
    print('wrote %d types to %s' % (len(rows), OUT))
