// Self-service password reset (Quên mật khẩu): the API answers, the e-mail and the two web pages.
export const auth = {
  'auth.passwordReset.requested':
    'Nếu tài khoản tồn tại và có địa chỉ email, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu đến địa chỉ đó. Liên kết có hiệu lực trong {minutes} phút.',
  'auth.passwordReset.invalidToken':
    'Liên kết đặt lại mật khẩu không hợp lệ, đã hết hạn hoặc đã được sử dụng. Vui lòng yêu cầu liên kết mới.',
  'auth.passwordReset.mail.subject': 'Đặt lại mật khẩu Vinh Danh',
  'auth.passwordReset.mail.body':
    'Xin chào {name},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản "{username}" trên hệ thống Vinh Danh. Để đặt mật khẩu mới, hãy mở liên kết dưới đây (hiệu lực trong {minutes} phút, chỉ dùng được một lần):\n\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại của bạn không thay đổi.',
  'web.login.forgot': 'Quên mật khẩu?',
  'web.login.noAccount': 'Chưa có tài khoản? Vui lòng liên hệ cán bộ quản trị hệ thống của Liên đoàn Lao động.',
  'web.passwordReset.request.title': 'Quên mật khẩu',
  'web.passwordReset.request.intro': 'Nhập tên đăng nhập hoặc địa chỉ email của tài khoản. Chúng tôi sẽ gửi liên kết đặt lại mật khẩu đến email đã đăng ký.',
  'web.passwordReset.request.identifier': 'Tên đăng nhập hoặc email',
  'web.passwordReset.request.submit': 'Gửi liên kết đặt lại',
  'web.passwordReset.request.noEmail': 'Tài khoản chưa có email? Vui lòng liên hệ cán bộ quản trị hệ thống để được đặt lại mật khẩu.',
  'web.passwordReset.backToLogin': 'Quay lại đăng nhập',
  'web.passwordReset.confirm.title': 'Đặt lại mật khẩu',
  'web.passwordReset.confirm.intro': 'Chọn mật khẩu mới (ít nhất {min} ký tự). Sau khi đặt lại, mọi phiên đăng nhập cũ của tài khoản sẽ bị kết thúc.',
  'web.passwordReset.confirm.newPassword': 'Mật khẩu mới',
  'web.passwordReset.confirm.repeat': 'Nhập lại mật khẩu mới',
  'web.passwordReset.confirm.toggle': 'Hiện hoặc ẩn mật khẩu',
  'web.passwordReset.confirm.tooShort': 'Mật khẩu phải có ít nhất {min} ký tự.',
  'web.passwordReset.confirm.mismatch': 'Hai mật khẩu không khớp.',
  'web.passwordReset.confirm.submit': 'Đặt lại mật khẩu',
  'web.passwordReset.confirm.missingToken': 'Liên kết thiếu mã đặt lại. Hãy mở đúng liên kết trong email, hoặc yêu cầu liên kết mới.',
  'web.passwordReset.confirm.requestNew': 'Yêu cầu liên kết mới',
  'web.passwordReset.done.title': 'Đã đặt lại mật khẩu',
  'web.passwordReset.done.body': 'Mật khẩu của bạn đã được thay đổi. Hãy đăng nhập bằng mật khẩu mới.',
  'web.passwordReset.done.signIn': 'Đăng nhập',
} as const;
