/* eslint-disable @next/next/no-html-link-for-pages -- a full page load is the point: nothing client-side can be trusted here. */
'use client';

// Last resort when the root layout itself fails: no translations can be trusted to load, so it speaks
// Vietnamese and English, and offers a plain link home that works without JavaScript.
export default function GlobalError() {
  return (
    <html lang="vi">
      <body
        style={{
          fontFamily: 'system-ui, sans-serif',
          maxWidth: '40rem',
          margin: '2rem auto',
          padding: '0 1rem',
        }}
      >
        <main>
          <h1>Có lỗi xảy ra</h1>
          <p>Lỗi này do hệ thống, không phải do bạn.</p>
          <p>
            <a href="/vi">Về trang chủ</a>
          </p>
          <p lang="en">
            Something went wrong on our side. <a href="/en">Go to the home page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
