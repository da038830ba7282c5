#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests of `lerend verstuur` (aiosmtpd).

    python3 scripts/smtp-test-server.py --map ONTVANGEN --cert cert.pem --sleutel key.pem \
        [--gebruiker naam --wachtwoord geheim | --token T] [--tls] [--weiger adres]...

Requires STARTTLS before MAIL FROM (with --tls: TLS from the first byte, as on port
465), and AUTH when a user is given: PLAIN/LOGIN with the password, or XOAUTH2 with
the token (--token, the OAuth 2.0 bearer Microsoft 365 asks for). Refuses each
--weiger address with 550, and writes every message it accepts as its own file into
ONTVANGEN (written under a temporary name, then renamed), with the envelope in a
first line `X-Envelope: from -> to, to`. Prints `poort N` on stdout when it listens.
"""
import argparse
import os
import ssl
import sys
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, folder, refused, user=None, token=None):
        self.folder = folder
        self.refused = {address.lower() for address in refused}
        self.user = user
        self.token = token

    async def auth_XOAUTH2(self, server, args):
        """SASL XOAUTH2: base64 of 'user=U\\x01auth=Bearer T\\x01\\x01'."""
        if self.token is None:
            return AuthResult(success=False, handled=False)
        if len(args) == 2:
            import base64
            response = base64.b64decode(args[1])
        else:
            response = await server.challenge_auth("", encode_to_b64=False)
        expected = ("user=%s\x01auth=Bearer %s\x01\x01" % (self.user, self.token)).encode()
        return AuthResult(success=response == expected)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%d-%s" % (time.time_ns(), uuid.uuid4().hex[:8])
        temporary = os.path.join(self.folder, "." + name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(("X-Envelope: %s -> %s\r\n" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))).encode())
            file.write(envelope.original_content)
        os.rename(temporary, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--map", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--sleutel", required=True)
    parser.add_argument("--gebruiker")
    parser.add_argument("--wachtwoord")
    parser.add_argument("--token")
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--weiger", action="append", default=[])
    parser.add_argument("--poort", type=int, default=0)
    arguments = parser.parse_args()
    os.makedirs(arguments.map, exist_ok=True)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(arguments.cert, arguments.sleutel)

    def authenticate(server, session, envelope, mechanism, auth_data):
        if arguments.wachtwoord is not None and isinstance(auth_data, LoginPassword) \
                and auth_data.login.decode() == arguments.gebruiker \
                and auth_data.password.decode() == arguments.wachtwoord:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    class Server(Controller):
        def factory(self):
            return SMTP(
                self.handler, tls_context=None if arguments.tls else context, require_starttls=not arguments.tls,
                auth_required=arguments.gebruiker is not None, auth_require_tls=not arguments.tls,
                authenticator=authenticate if arguments.gebruiker else None,
                hostname="localhost")

    port = arguments.poort
    if port == 0:
        import socket
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    handler = Handler(arguments.map, arguments.weiger, arguments.gebruiker, arguments.token)
    controller = Server(handler, hostname="127.0.0.1", port=port, ssl_context=context if arguments.tls else None)
    controller.start()
    print("poort %d" % port, flush=True)
    try:
        # Until stdin closes (the test ends) or the process is killed.
        sys.stdin.read()
    except KeyboardInterrupt:
        pass
    controller.stop()


if __name__ == "__main__":
    main()
