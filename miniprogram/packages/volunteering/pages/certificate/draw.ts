/** Draws a certificate on the page's 2d canvas and exports it as an image file (750 × 1060 px). */
import type { CertificateView } from '../../lib/views';

const W = 750;
const H = 1060;

/** Wraps `text` to lines no wider than `width` with the context's font. */
function wrap(
  ctx: WechatMiniprogram.CanvasRenderingContext.CanvasRenderingContext2D,
  text: string,
  width: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** Renders `c` into the canvas matched by `selector` within `owner`; resolves to a temp file path. */
export function drawCertificate(
  owner: WechatMiniprogram.Component.TrivialInstance,
  selector: string,
  c: CertificateView,
  body: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    owner
      .createSelectorQuery()
      .select(selector)
      .fields({ node: true, size: true })
      .exec((res: { node?: WechatMiniprogram.Canvas }[]) => {
        const canvas = res?.[0]?.node;
        if (!canvas) {
          reject(new Error('canvas unavailable'));
          return;
        }
        canvas.width = W;
        canvas.height = H;
        const ctx = canvas.getContext(
          '2d',
        ) as WechatMiniprogram.CanvasRenderingContext.CanvasRenderingContext2D;
        ctx.fillStyle = '#fffdf6';
        ctx.fillRect(0, 0, W, H);
        ctx.strokeStyle = '#b8860b';
        ctx.lineWidth = 6;
        ctx.strokeRect(24, 24, W - 48, H - 48);
        ctx.lineWidth = 2;
        ctx.strokeRect(40, 40, W - 80, H - 80);
        ctx.fillStyle = '#8b0000';
        ctx.textAlign = 'center';
        ctx.font = 'bold 56px sans-serif';
        ctx.fillText('志愿服务证明', W / 2, 150);
        ctx.fillStyle = '#1a1a1a';
        ctx.textAlign = 'left';
        ctx.font = '32px sans-serif';
        let y = 250;
        for (const line of wrap(ctx, body, W - 160)) {
          ctx.fillText(line, 80, y);
          y += 52;
        }
        y += 20;
        ctx.font = '28px sans-serif';
        ctx.fillStyle = '#444444';
        for (const line of wrap(ctx, `服务单位：${c.organizerNames.join('、')}`, W - 160)) {
          ctx.fillText(line, 80, y);
          y += 44;
        }
        ctx.textAlign = 'right';
        ctx.fillStyle = '#1a1a1a';
        ctx.font = '30px sans-serif';
        ctx.fillText(c.issuer, W - 80, H - 260);
        ctx.fillText(c.issuedAt, W - 80, H - 210);
        ctx.textAlign = 'left';
        ctx.font = '26px sans-serif';
        ctx.fillStyle = '#444444';
        ctx.fillText(`证明编号：${c.code}`, 80, H - 130);
        ctx.fillText('查验：睦邻小程序 → 志愿活动 → 查验志愿服务证明', 80, H - 88);
        wx.canvasToTempFilePath({
          canvas,
          width: W,
          height: H,
          destWidth: W,
          destHeight: H,
          fileType: 'png',
          success: (r: { tempFilePath: string }) => resolve(r.tempFilePath),
          fail: (err: unknown) => reject(err),
        } as unknown as WechatMiniprogram.CanvasToTempFilePathOption);
      });
  });
}
