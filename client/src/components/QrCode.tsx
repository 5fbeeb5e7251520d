// The join QR code, drawn by the qrcode package as SVG and shown as an <img> from a data URL:
// crisp at any projector size, and no markup from a string is ever injected into the page.
import { useEffect, useState } from "react";
import QRCode from "qrcode";

export function QrCode({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // Level M survives a glare spot on the screen and stays coarse enough to scan from far back.
    QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } })
      .then((svg) => { if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`); })
      .catch(() => { if (current) setSrc(null); });
    return () => { current = false; };
  }, [text]);
  return (
    <div className="qr">
      {src ? <img src={src} alt={label} /> : <span className="qr-wait" role="img" aria-label={label} />}
    </div>
  );
}
