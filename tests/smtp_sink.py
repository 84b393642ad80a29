#!/usr/bin/env python3
"""A real SMTP server on loopback for the alerts tests (Debian's python3-aiosmtpd).

  smtp_sink.py serve PORT DIR   accepts every message, writes each to DIR/NNNN.eml, until SIGTERM
  smtp_sink.py serve PORT DIR --starttls CERT KEY USER PASSWORD
                                the same, but STARTTLS (with CERT/KEY) is required before MAIL and
                                AUTH, and AUTH as USER with PASSWORD before MAIL; each message's
                                DIR/NNNN.json records whether its session was TLS and who logged in
  smtp_sink.py serve PORT DIR --tls CERT KEY USER PASSWORD
                                the same with TLS from the start (smtps://)
  smtp_sink.py cert DIR         makes a self-signed certificate for 127.0.0.1 (DIR/cert.pem,
                                DIR/key.pem; valid one day) with the openssl command
  smtp_sink.py read DIR         prints the messages in DIR as JSON, decoded by Python's own
                                e-mail parser (RFC 2047 subjects, base64 bodies): a parser that
                                is not amity's
"""
import email
import email.policy
import json
import os
import signal
import subprocess
import sys
import threading


def serve(port, folder, tls=None):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    os.makedirs(folder, exist_ok=True)
    lock = threading.Lock()

    class Keep:
        async def handle_DATA(self, server, session, envelope):
            with lock:
                n = len([f for f in os.listdir(folder) if f.endswith(".eml")])
                path = os.path.join(folder, "%04d" % (n + 1))
                with open(path + ".tmp", "wb") as out:
                    out.write(envelope.original_content)
                login = session.auth_data.login if isinstance(session.auth_data,
                                                              LoginPassword) else None
                with open(path + ".json", "w") as out:
                    json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                               "tls": server.transport.get_extra_info("ssl_object") is not None,
                               "authenticated": bool(session.authenticated),
                               "login": login.decode() if login else None}, out)
                os.rename(path + ".tmp", path + ".eml")
            return "250 OK"

    options = {}
    if tls:
        import ssl

        mode, cert, key, user, password = tls
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
                  and auth_data.password == password.encode())
            # handled=False: aiosmtpd answers 535 itself when the password is wrong.
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        options = {"auth_required": True, "authenticator": authenticator}
        if mode == "--starttls":
            options.update(tls_context=context, require_starttls=True, auth_require_tls=True)
        else:
            # TLS from the first byte: aiosmtpd's auth_require_tls only knows of STARTTLS.
            options.update(ssl_context=context, auth_require_tls=False)
    controller = Controller(Keep(), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


def cert(folder):
    os.makedirs(folder, exist_ok=True)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", os.path.join(folder, "key.pem"),
                    "-out", os.path.join(folder, "cert.pem")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read(folder):
    messages = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            raw = f.read()
        with open(os.path.join(folder, name[:-4] + ".json")) as f:
            envelope = json.load(f)
        message = email.message_from_bytes(raw, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain",))
        raw_head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
        messages.append({
            "file": name,
            "envelope_to": envelope["to"],
            "tls": envelope.get("tls", False),
            "authenticated": envelope.get("authenticated", False),
            "login": envelope.get("login"),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "raw_subject": raw_head.split("Subject: ", 1)[1].split("\r\n", 1)[0]
            if "Subject: " in raw_head else "",
            "message_id": str(message["Message-ID"]),
            "date": str(message["Date"]),
            "list_unsubscribe": str(message["List-Unsubscribe"] or ""),
            "list_unsubscribe_post": str(message["List-Unsubscribe-Post"] or ""),
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": str(part["Content-Transfer-Encoding"]),
            "body": part.get_content(),
            "head_ascii": all(ord(c) < 128 for c in raw_head),
        })
    json.dump(messages, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        tls = sys.argv[4:9] if sys.argv[4:5] in (["--starttls"], ["--tls"]) else None
        serve(int(sys.argv[2]), sys.argv[3], tls)
    elif sys.argv[1] == "cert":
        cert(sys.argv[2])
    else:
        read(sys.argv[2])
