// Reached only for paths outside every locale (the proxy prefixes all others), so it speaks both
// Vietnamese and English and sends people to the home page.
export default function RootNotFound() {
  return (
    <html lang="vi">
      <body className="mx-auto max-w-2xl p-4">
        <main>
          <h1 className="text-2xl">Không tìm thấy trang</h1>
          <p>
            <a href="/vi">Về trang chủ</a>
          </p>
          <p lang="en">
            Page not found. <a href="/en">Go to the home page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
